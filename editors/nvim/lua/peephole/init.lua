-- peephole for Neovim: starts `peephole lsp` for Python buffers and adds
-- what a generic client lacks — commands that run a buffer or a selection
-- (output in a scratch buffer), a bytecode split that follows the cursor,
-- and highlight groups for the binding kinds the server's semantic tokens
-- carry as modifiers.
--
-- It works on Neovim 0.7 (vim.lsp.start_client and buf_attach_client, and
-- a small semantic-token painter of its own, since 0.7 has no semantic
-- token client) and uses the newer APIs when they are there: vim.lsp.start
-- (0.8) to attach, the built-in semantic tokens (0.9), whose @lsp.mod.*
-- groups are linked to peephole's.

local M = {}

local config = require("peephole.config")
local util = require("peephole.util")

--- The client, per root folder (on 0.7, where vim.lsp.start is missing).
local clients_by_root = {}

--- The options given to setup (merged with the defaults); nil before setup.
M.options = nil

local function server_cmd(opts)
  if opts.cmd then
    return opts.cmd
  end
  if vim.fn.executable("peephole") == 1 then
    return { "peephole", "lsp" }
  end
  return nil
end

local function root_dir(bufnr, opts)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  if opts.root_dir then
    if type(opts.root_dir) == "function" then
      return opts.root_dir(bufnr) or dir
    end
    return opts.root_dir
  end
  -- The nearest folder above the file that holds one of the markers.
  local cur = dir
  while cur and cur ~= "" do
    for _, m in ipairs(opts.root_markers) do
      if util.uv.fs_stat(cur .. "/" .. m) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ":h")
    if parent == cur then
      break
    end
    cur = parent
  end
  return dir
end

local function on_output(_, result, ctx)
  if result and type(result.text) == "string" then
    require("peephole.output").stream(result.uri, result.stream, result.text)
  end
  return vim.NIL
end

local function client_config(bufnr, opts, cmd)
  local handlers = vim.tbl_extend("force", {
    ["peephole/output"] = on_output,
  }, opts.handlers or {})
  local capabilities = opts.capabilities or vim.lsp.protocol.make_client_capabilities()
  return {
    name = "peephole",
    cmd = cmd,
    root_dir = root_dir(bufnr, opts),
    settings = { peephole = opts.settings },
    init_options = { peephole = opts.settings },
    handlers = handlers,
    capabilities = capabilities,
    on_attach = function(client, b)
      require("peephole.semantic").attach(client, b)
      if opts.on_attach then
        opts.on_attach(client, b)
      end
    end,
    on_exit = function(code, signal, client_id)
      for root, id in pairs(clients_by_root) do
        if id == client_id then
          clients_by_root[root] = nil
        end
      end
    end,
  }
end

local warned_missing = false

--- Attaches peephole's language server to a buffer.
function M.attach(bufnr)
  local opts = M.options
  if not opts then
    return
  end
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" then
    return
  end
  local cmd = server_cmd(opts)
  if not cmd then
    if not warned_missing then
      warned_missing = true
      util.notify("the peephole binary was not found on PATH; install it or give setup{ cmd = {...} }", vim.log.levels.ERROR)
    end
    return
  end
  local cfg = client_config(bufnr, opts, cmd)
  if vim.lsp.start then
    vim.lsp.start(cfg, { bufnr = bufnr })
    return
  end
  local id = clients_by_root[cfg.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(cfg)
    if not id then
      util.notify("could not start " .. table.concat(cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients_by_root[cfg.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

--- setup{...}: configures peephole and attaches it to Python buffers (those
--- already open and those to come). See :help peephole-setup.
function M.setup(user)
  M.options = config.merge(user or {})
  require("peephole.highlights").define()
  local group = vim.api.nvim_create_augroup("peephole", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(ev)
      M.attach(ev.buf)
    end,
  })
  vim.api.nvim_create_autocmd("ColorScheme", {
    group = group,
    callback = function()
      require("peephole.highlights").define()
    end,
  })
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.options.filetypes, vim.bo[b].filetype) then
      M.attach(b)
    end
  end
end

--- The peephole client attached to a buffer, or nil (with a message).
function M.client(bufnr, quiet)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  for _, c in ipairs(util.buf_clients(bufnr)) do
    if c.name == "peephole" then
      return c, bufnr
    end
  end
  if not quiet then
    if not M.options then
      util.notify('call require("peephole").setup{} first', vim.log.levels.WARN)
    else
      util.notify("no peephole language server is attached to this buffer", vim.log.levels.WARN)
    end
  end
  return nil
end

--- :PeepholeRun — runs the buffer's text as __main__.
function M.run(bufnr)
  require("peephole.run").run_file(bufnr)
end

--- :PeepholeRunSelection — runs lines line1..line2 (1-based) in the session.
function M.run_selection(line1, line2, cols)
  require("peephole.run").run_selection(line1, line2, cols)
end

--- :PeepholeReset — forgets the buffer's session.
function M.reset(bufnr)
  require("peephole.run").reset(bufnr)
end

--- :PeepholeCancel — cancels the buffer's run.
function M.cancel(bufnr)
  require("peephole.run").cancel(bufnr)
end

--- :PeepholeBytecode — opens (or closes) the bytecode split.
function M.bytecode(toggle)
  require("peephole.bytecode").open(toggle)
end

--- :PeepholeOutput — shows the output buffer.
function M.output()
  require("peephole.output").show()
end

return M
