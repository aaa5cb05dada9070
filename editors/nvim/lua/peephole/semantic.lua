-- Semantic tokens on Neovim before 0.9, which has no client for them:
-- peephole requests textDocument/semanticTokens/full itself (after attaching
-- and, debounced, after edits) and paints each name with the highlight
-- group of its binding kind (see highlights.lua). On 0.9 and later the
-- built-in client does this, through the @lsp.mod.* groups linked there.

local util = require("peephole.util")
local highlights = require("peephole.highlights")

local M = {}

local ns = vim.api.nvim_create_namespace("peephole-semantic")
local DEBOUNCE = 150
local timers = {}

--- The group for a token's modifier bits, given the legend's modifiers.
local function group_of(bits, modifiers)
  for _, k in ipairs(highlights.kinds) do
    for i, name in ipairs(modifiers) do
      if name == k[1] and bit.band(bits, bit.lshift(1, i - 1)) ~= 0 then
        return k[2]
      end
    end
  end
  return nil
end

--- Paints a response's data on a buffer.
function M.paint(bufnr, data, legend)
  vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  local line, start = 0, 0
  for i = 1, #data - 4, 5 do
    local dl, ds, len, mods = data[i], data[i + 1], data[i + 2], data[i + 4]
    if dl > 0 then
      line, start = line + dl, ds
    else
      start = start + ds
    end
    local group = group_of(mods, legend.tokenModifiers)
    if group then
      local s = util.byte_col(bufnr, line, start)
      local e = util.byte_col(bufnr, line, start + len)
      vim.api.nvim_buf_add_highlight(bufnr, ns, group, line, s, e)
    end
  end
end

local function request(client, bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return
  end
  local provider = client.server_capabilities and client.server_capabilities.semanticTokensProvider
  if not provider then
    return
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  util.request(client, "textDocument/semanticTokens/full", { textDocument = { uri = util.uri(bufnr) } }, function(err, result)
    if err or not result or not vim.api.nvim_buf_is_valid(bufnr) then
      return
    end
    if vim.api.nvim_buf_get_changedtick(bufnr) ~= tick then
      return -- an edit came since; its own request follows
    end
    M.paint(bufnr, result.data or {}, provider.legend)
  end, bufnr)
end

--- Starts painting a buffer (on Neovim < 0.9 only).
function M.attach(client, bufnr)
  local opts = require("peephole").options
  if vim.lsp.semantic_tokens or not (opts and opts.semantic_tokens) then
    return
  end
  request(client, bufnr)
  local group = vim.api.nvim_create_augroup("peephole-semantic-" .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ "TextChanged", "TextChangedI", "InsertLeave" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      if timers[bufnr] then
        timers[bufnr]:stop()
        timers[bufnr]:close()
      end
      local t = util.uv.new_timer()
      timers[bufnr] = t
      t:start(DEBOUNCE, 0, vim.schedule_wrap(function()
        if timers[bufnr] == t then
          timers[bufnr] = nil
          t:close()
        end
        if not util.is_stopped(client) then
          request(client, bufnr)
        end
      end))
    end,
  })
end

--- The groups painted on a line (0-based): a list of {start_col, end_col, group}.
function M.marks(bufnr, line)
  local out = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, ns, { line, 0 }, { line, -1 }, { details = true })) do
    table.insert(out, { m[3], m[4].end_col, m[4].hl_group })
  end
  return out
end

return M
