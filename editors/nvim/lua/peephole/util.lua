-- Helpers shared by peephole's modules.

local M = {}

--- libuv (vim.uv from 0.10, vim.loop before).
M.uv = vim.uv or vim.loop

-- Client methods are called with ":" from 0.11 (the "." form is deprecated).
local colon = vim.fn.has("nvim-0.11") == 1

--- client.request, as the running Neovim wants it called.
function M.request(client, method, params, handler, bufnr)
  if colon then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- client.cancel_request.
function M.cancel_request(client, id)
  if colon then
    return client:cancel_request(id)
  end
  return client.cancel_request(id)
end

--- client.is_stopped.
function M.is_stopped(client)
  if colon then
    return client:is_stopped()
  end
  return client.is_stopped()
end

--- The clients attached to a buffer (vim.lsp.get_clients from 0.10,
--- get_active_clients from 0.8, buf_get_clients on 0.7).
function M.buf_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  if vim.fn.has("nvim-0.8") == 1 then
    return vim.lsp.get_active_clients({ bufnr = bufnr })
  end
  local out = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    table.insert(out, c)
  end
  return out
end

--- A highlight group's colours: {fg, ctermfg, bold} (nvim_get_hl from 0.9).
function M.hl_colors(name)
  if vim.api.nvim_get_hl then
    local ok, h = pcall(vim.api.nvim_get_hl, 0, { name = name, link = false })
    if ok then
      return { fg = h.fg, ctermfg = h.ctermfg, bold = h.bold }
    end
    return {}
  end
  local ok, g = pcall(vim.api.nvim_get_hl_by_name, name, true)
  local ok2, c = pcall(vim.api.nvim_get_hl_by_name, name, false)
  return { fg = ok and g.foreground or nil, bold = ok and g.bold or nil, ctermfg = ok2 and c.foreground or nil }
end

function M.notify(msg, level)
  vim.notify("peephole: " .. msg, level or vim.log.levels.INFO)
end

--- The text of a buffer's line (0-based), or "".
function M.line_text(bufnr, line)
  return vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ""
end

--- Converts an LSP character offset (UTF-16 code units) on a line to a byte column.
function M.byte_col(bufnr, line, character)
  local text = M.line_text(bufnr, line)
  local ok, col = pcall(vim.str_byteindex, text, character, true)
  if not ok then
    return #text
  end
  return col
end

--- Converts a byte column on a line (0-based) to UTF-16 code units.
function M.utf16_col(bufnr, line, col)
  local text = M.line_text(bufnr, line)
  if col > #text then
    col = #text
  end
  local _, utf16 = vim.str_utfindex(text, col)
  return utf16
end

--- The URI of a buffer.
function M.uri(bufnr)
  return vim.uri_from_bufnr(bufnr)
end

--- Creates (or finds) a named scratch buffer.
function M.scratch(name, filetype)
  local b = vim.fn.bufnr(name)
  if b ~= -1 and vim.api.nvim_buf_is_valid(b) then
    return b
  end
  b = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_name(b, name)
  vim.bo[b].buftype = "nofile"
  vim.bo[b].bufhidden = "hide"
  vim.bo[b].swapfile = false
  vim.bo[b].modifiable = false
  if filetype then
    vim.bo[b].filetype = filetype
  end
  return b
end

--- The window showing a buffer in the current tab, or nil.
function M.win_of(bufnr)
  for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    if vim.api.nvim_win_get_buf(w) == bufnr then
      return w
    end
  end
  return nil
end

--- Opens a split at position ("right", "left", "above", "below") of size,
--- showing bufnr, without leaving the current window. Returns the window.
function M.split(bufnr, position, size)
  local cur = vim.api.nvim_get_current_win()
  local mods = ({ right = "botright vertical", left = "topleft vertical", above = "topleft", below = "botright" })[position]
    or "botright vertical"
  vim.cmd(mods .. " " .. tostring(size) .. "split")
  local win = vim.api.nvim_get_current_win()
  vim.api.nvim_win_set_buf(win, bufnr)
  vim.wo[win].number = false
  vim.wo[win].relativenumber = false
  vim.wo[win].signcolumn = "no"
  vim.wo[win].wrap = false
  vim.wo[win].spell = false
  vim.wo[win].list = false
  if position == "right" or position == "left" then
    vim.wo[win].winfixwidth = true
  else
    vim.wo[win].winfixheight = true
  end
  vim.api.nvim_set_current_win(cur)
  return win
end

--- Replaces a scratch buffer's lines.
function M.set_lines(bufnr, lines)
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  vim.bo[bufnr].modifiable = false
end

return M
