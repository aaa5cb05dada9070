-- End-to-end test of the Neovim plugin, in headless Neovim (0.7 on Debian
-- bookworm) against the real `peephole lsp`. scripts/editors-test runs
--   nvim --headless -u NONE -i NONE -n -c 'luafile editors/test/nvim_test.lua'
-- with PEEPHOLE (the binary), PLUGIN (editors/nvim), WS and FILE (the
-- example), EXPECTED (CPython's stdout for it) and ARTIFACTS in the
-- environment. The scenario runs as a coroutine that yields to the event
-- loop between steps, so autocommands (CursorMoved…) fire as they do for a
-- person typing. It prints one "ok"/"not ok" line per check.

local env = function(k, d)
  local v = os.getenv(k)
  if v == nil or v == "" then
    return d
  end
  return v
end
local PEEPHOLE, PLUGIN, WS, FILE = env("PEEPHOLE"), env("PLUGIN"), env("WS"), env("FILE", "seeds.py")
local ARTIFACTS = env("ARTIFACTS", ".")

local passed, failed, skipped = 0, 0, 0
local function out(s)
  io.stdout:write(s .. "\n")
end
local function check(what, ok, detail)
  if ok then
    passed = passed + 1
    out("ok - nvim: " .. what)
  else
    failed = failed + 1
    out("not ok - nvim: " .. what)
    if detail ~= nil then
      out((tostring(detail):gsub("[^\n]+", "    # %0")))
    end
  end
  return ok
end
local function skip(what, why)
  skipped = skipped + 1
  out("ok - nvim: " .. what .. " # SKIP " .. why)
end
local function finish()
  out(string.format("# nvim: %d passed, %d failed, %d skipped", passed, failed, skipped))
  io.stdout:flush()
  vim.cmd("cquit " .. ((failed > 0 or passed == 0) and 1 or 0))
end

local function read(path)
  local f = assert(io.open(path))
  local s = f:read("*a")
  f:close()
  return s
end
local expected = env("EXPECTED") and read(env("EXPECTED")) or nil
local source = read(WS .. "/" .. FILE)
local function line_of(text)
  local i = assert(source:find(text, 1, true), "the example has no " .. text)
  local _, n = source:sub(1, i):gsub("\n", "")
  return n + 1
end

-- The scenario's coroutine, resumed by timers.
local co
local function sleep(ms)
  vim.defer_fn(function()
    local ok, err = coroutine.resume(co)
    if not ok then
      check("scenario completed", false, debug.traceback(co, err))
      finish()
    end
  end, ms)
  coroutine.yield()
end
local function wait_for(pred, ms)
  local waited = 0
  while waited < ms do
    local ok, v = pcall(pred)
    if ok and v then
      return v
    end
    sleep(50)
    waited = waited + 50
  end
  return nil
end
local function feed(keys, mode)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), mode or "n", false)
end

local function hover(line, col)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line - 1, character = col - 1 } }
  local res = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 5000) or {}
  for _, r in pairs(res) do
    if r.result and r.result.contents then
      local c = r.result.contents
      return type(c) == "table" and (c.value or vim.inspect(c)) or tostring(c)
    end
  end
  return ""
end

local function run_section(lines)
  -- The text between the last "▶" line and the "■" line after it.
  local start, stop
  for i, l in ipairs(lines) do
    if l:find("^▶ ") then
      start, stop = i, nil
    elseif start and not stop and l:find("^■ ") then
      stop = i
    end
  end
  if not (start and stop) then
    return nil
  end
  return table.concat(vim.list_slice(lines, start + 1, stop - 1), "\n"), lines[stop]
end

local function wait_run()
  local out_mod = require("peephole.output")
  local text, closing
  wait_for(function()
    text, closing = run_section(out_mod.lines())
    return closing ~= nil and next(require("peephole.run").running) == nil
  end, 20000)
  return text, closing
end

local function scenario()
  -- :help peephole (tags built into a temporary folder, not the checkout).
  local doc = vim.fn.tempname()
  vim.fn.mkdir(doc .. "/doc", "p")
  vim.fn.writefile(vim.fn.readfile(PLUGIN .. "/doc/peephole.txt"), doc .. "/doc/peephole.txt")
  vim.cmd("helptags " .. vim.fn.fnameescape(doc .. "/doc"))
  vim.opt.rtp:append(doc)
  local ok_help = pcall(vim.cmd, "help :PeepholeBytecode")
  check(":help documents the commands", ok_help and vim.fn.expand("%:t") == "peephole.txt", vim.fn.expand("%:p"))
  if ok_help then
    vim.cmd("close")
  end

  local peephole = require("peephole")
  peephole.setup({ cmd = { PEEPHOLE, "lsp" }, root_dir = WS })
  vim.cmd("edit " .. vim.fn.fnameescape(WS .. "/" .. FILE))
  vim.bo.filetype = "python" -- -u NONE: no filetype detection
  local src = vim.api.nvim_get_current_buf()
  local client = wait_for(function()
    local c = peephole.client(src, true)
    return c and c.initialized and c
  end, 10000)
  if not check("the server attaches to the Python buffer", client ~= nil) then
    return
  end

  -- Hover: binding kind and instruction.
  local hl = hover(line_of("    return c\n"), 12)
  check("hover on a local says its kind", hl:find("local variable", 1, true) ~= nil, hl)
  check("hover on a local shows LOAD_FAST 2 (c)", hl:find("LOAD_FAST 2 (c)", 1, true) ~= nil, hl)
  local hg = hover(line_of("    return n * factorial(n - 1)"), 17)
  check("hover on a global says its kind", hg:find("global name", 1, true) ~= nil, hg)
  check("hover on a global shows LOAD_GLOBAL (factorial + NULL)", hg:find("LOAD_GLOBAL%s+%d+ %(factorial %+ NULL%)") ~= nil, hg)

  -- Highlight groups of the scope modifiers (painted by the plugin on 0.7).
  local sem = require("peephole.semantic")
  local function group_at(line, col)
    for _, m in ipairs(sem.marks(src, line - 1)) do
      if m[1] <= col - 1 and col - 1 < m[2] then
        return m[3]
      end
    end
  end
  local loop = line_of("    for i in range(n):")
  local fac = line_of("    return n * factorial(n - 1)")
  local free = line_of("        return x")
  local groups
  wait_for(function()
    groups = { group_at(loop, 14), group_at(loop, 20), group_at(fac, 17), group_at(free, 16) }
    return groups[1] ~= nil and groups[3] ~= nil
  end, 5000)
  if vim.lsp.semantic_tokens then
    skip("names get their binding kind's highlight group", "Neovim " .. tostring(vim.version().minor) .. " paints semantic tokens itself")
  else
    check(
      "names get their binding kind's highlight group",
      vim.deep_equal(groups, { "PeepholeBuiltin", "PeepholeLocal", "PeepholeGlobal", "PeepholeFree" }),
      vim.inspect(groups)
    )
  end

  -- The bytecode split follows the cursor.
  local bc = require("peephole.bytecode")
  local body = line_of("    c = a + b\n")
  vim.api.nvim_win_set_cursor(0, { body, 4 })
  vim.cmd("PeepholeBytecode")
  local snap = wait_for(function()
    local s = bc.snapshot()
    return s.bytecode and s.bytecode.qualname == "add_nums" and #s.current > 0 and s
  end, 5000)
  check("the split shows the function under the cursor", snap ~= nil, vim.inspect(bc.snapshot().lines))
  if snap then
    local ops = {}
    for _, row in ipairs(snap.current) do
      table.insert(ops, (snap.lines[row]:match("%d+%s+([A-Z_]+)")))
    end
    check("the split highlights the current line's instructions",
      table.concat(ops, " ") == "LOAD_FAST_LOAD_FAST BINARY_OP STORE_FAST", table.concat(snap.lines, "\n"))
    check("the split stays beside the source", #vim.api.nvim_tabpage_list_wins(0) >= 2 and vim.api.nvim_get_current_buf() == src)
  end

  local call = line_of("        total = add_nums(total, i)")
  feed(call .. "G17|") -- as typed: CursorMoved fires
  snap = wait_for(function()
    local s = bc.snapshot()
    return s.bytecode and s.bytecode.qualname == "add_many" and s.line == call and #s.current > 0 and s
  end, 5000)
  check("the split follows the cursor into another function", snap ~= nil, vim.inspect(bc.snapshot().lines))
  if snap then
    local text = table.concat(snap.lines, "\n")
    check("the split shows jump targets and jumps", text:find("L1:", 1, true) and text:find("(to L1)", 1, true) and text:find("L2:", 1, true), text)
    local f = io.open(ARTIFACTS .. "/nvim-bytecode.txt", "w")
    if f then
      f:write(text .. "\n")
      f:close()
    end
    -- <CR> on the current LOAD_GLOBAL selects `add_nums` in the source.
    local row
    for _, r in ipairs(snap.current) do
      if snap.lines[r]:find("LOAD_GLOBAL", 1, true) then
        row = r
      end
    end
    local bwin = require("peephole.util").win_of(vim.fn.bufnr("peephole://bytecode"))
    vim.api.nvim_set_current_win(bwin)
    vim.api.nvim_win_set_cursor(bwin, { row, 0 })
    feed("<CR>", "m") -- through the split's mapping
    local sel = wait_for(function()
      if vim.api.nvim_get_current_buf() ~= src or vim.fn.mode() ~= "v" then
        return nil
      end
      return { vim.fn.line("v"), vim.fn.col("v"), vim.fn.line("."), vim.fn.col(".") }
    end, 3000)
    check("<CR> on an instruction selects its source", sel and vim.deep_equal(sel, { call, 24, call, 17 }), vim.inspect(sel) .. " mode " .. vim.fn.mode())
    feed("<Esc>")
    sleep(100)
  end

  -- Run the file: the output buffer shows CPython's output.
  vim.api.nvim_set_current_buf(src)
  vim.cmd("PeepholeRun")
  local text, closing = wait_run()
  local ran = closing and not closing:find("not available", 1, true)
  if not expected then
    skip("run output equals CPython's", "no oracle (EXPECTED) to compare with")
  elseif closing and not ran and os.getenv("PEEPHOLE_EDITORS_ALLOW_NO_RUNNER") == "1" then
    skip("run output equals CPython's", "the server cannot run: " .. closing)
  else
    local want = expected:gsub("\n$", "")
    check("run output equals CPython's", text == want, "output buffer:\n" .. table.concat(require("peephole.output").lines(), "\n") .. "\nexpected:\n" .. expected)
    check("run ends with exit code 0", closing and closing:find("exit code 0", 1, true) ~= nil, tostring(closing))
  end

  if ran then
    -- A selection runs in the session the file's run left.
    local sel_line = line_of("print(add_nums(10, 20))")
    vim.cmd(sel_line .. "PeepholeRunSelection")
    text, closing = wait_run()
    check("a selection runs in the file's session", text == "30" and closing:find("exit code 0", 1, true), tostring(text) .. " / " .. tostring(closing))
    vim.cmd("PeepholeReset")
    sleep(200)
    vim.cmd(sel_line .. "PeepholeRunSelection")
    text, closing = wait_run()
    check("after :PeepholeReset the session is empty", closing and closing:find("NameError", 1, true) ~= nil, tostring(text) .. " / " .. tostring(closing))
  else
    skip("selection runs and :PeepholeReset", "the server cannot run")
  end
end

co = coroutine.create(function()
  local ok, err = xpcall(scenario, debug.traceback)
  if not ok then
    check("scenario completed", false, err)
  end
  finish()
end)
vim.defer_fn(function()
  check("scenario finished in time", false, "still running after 120 s")
  finish()
end, 120000)
vim.opt.rtp:prepend(PLUGIN)
vim.cmd("runtime! plugin/peephole.lua")
vim.schedule(function()
  local ok, err = coroutine.resume(co)
  if not ok then
    check("scenario completed", false, err)
    finish()
  end
end)
