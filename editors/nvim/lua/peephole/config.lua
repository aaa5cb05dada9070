-- The options of require("peephole").setup{} and their defaults.

local M = {}

M.defaults = {
  -- The server's command; nil: `peephole lsp` found on PATH.
  cmd = nil,
  -- Filetypes to attach to.
  filetypes = { "python" },
  -- The root folder: a string, a function(bufnr), or nil (the nearest
  -- folder with one of root_markers, else the file's folder).
  root_dir = nil,
  root_markers = { "pyproject.toml", "setup.py", "setup.cfg", ".git" },
  -- The server's settings (DESIGN §8), sent as the section "peephole".
  settings = {
    run = { timeoutMs = 10000, maxOutputBytes = 1048576, allowWrites = false },
    pylib = "",
    inlayHints = { opcodes = false },
  },
  -- Called with (client, bufnr) when the server attaches to a buffer.
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
  bytecode = {
    -- "right", "left", "above" or "below" the source window.
    position = "right",
    -- Width (or height, above/below) of the split.
    size = 64,
    -- Milliseconds the cursor must rest before the split follows it.
    debounce = 80,
  },
  output = {
    -- "below", "above", "right" or "left".
    position = "below",
    size = 12,
    -- Open the output window when a run starts.
    open = true,
  },
  -- Semantic tokens on Neovim < 0.9, which has no client for them: peephole
  -- requests and paints them itself (the built-in client is used on 0.9+).
  semantic_tokens = true,
}

local function deep_merge(base, over)
  local out = vim.deepcopy(base)
  for k, v in pairs(over) do
    if type(v) == "table" and type(out[k]) == "table" and not (vim.islist or vim.tbl_islist)(v) then
      out[k] = deep_merge(out[k], v)
    else
      out[k] = v
    end
  end
  return out
end

function M.merge(user)
  return deep_merge(M.defaults, user)
end

return M
