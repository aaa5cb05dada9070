-- The bytecode split, peephole://bytecode: the code object under the cursor
-- (peephole/bytecode), laid out as dis prints it (line, label, offset,
-- opname, argument), following the cursor of the Python window it was
-- opened from, with the instructions of the cursor's line highlighted
-- (PeepholeBytecodeCurrent). In the split, <CR> on an instruction selects
-- its source range in the Python window, and on a jump's "(to L2)" moves
-- to the jump's target.
--
-- Requests are debounced; an answer older than the newest request is
-- dropped, so a fast-moving cursor never shows a stale code object.

local util = require("peephole.util")

local M = {}

local NAME = "peephole://bytecode"
local ns = vim.api.nvim_create_namespace("peephole-bytecode")
local src_ns = vim.api.nvim_create_namespace("peephole-bytecode-source")

--- State: the source buffer and window followed, the last answer, and per
--- rendered row (1-based buffer line) its instruction.
M.state = { source = nil, source_win = nil, seq = 0, bytecode = nil, rows = {}, line = nil, timer = nil }

local function opts()
  return (require("peephole").options or require("peephole.config").defaults).bytecode
end

local function buf()
  local b = util.scratch(NAME, "peephole-bytecode")
  if not vim.b[b].peephole_maps then
    vim.b[b].peephole_maps = true
    vim.api.nvim_buf_set_keymap(b, "n", "<CR>", "<Cmd>lua require('peephole.bytecode').choose()<CR>", { noremap = true, silent = true })
    vim.api.nvim_buf_set_keymap(b, "n", "q", "<Cmd>close<CR>", { noremap = true, silent = true })
  end
  return b
end

--- dis numbers its labels L1, L2, … in the order of the targets' offsets.
local function labels(instrs)
  local by_offset, n = {}, 0
  for _, i in ipairs(instrs) do
    if i.isJumpTarget then
      n = n + 1
      by_offset[i.offset] = "L" .. n
    end
  end
  return by_offset
end

local function is_null(v)
  return v == nil or v == vim.NIL
end

--- Renders an answer; returns the lines and, per line, the instruction.
function M.render(bc, file)
  local lines = { string.format("%s  (%s, line %d)", bc.qualname, file, bc.firstLine), "" }
  local rows = {}
  local label_of = labels(bc.instructions)
  local prev = false
  for _, ins in ipairs(bc.instructions) do
    local line = is_null(ins.line) and nil or ins.line
    local line_col = ""
    if line ~= prev then
      if prev ~= false then
        table.insert(lines, "")
      end
      line_col = line and tostring(line) or "--"
    end
    prev = line
    local label = label_of[ins.offset]
    local arg = is_null(ins.arg) and "" or tostring(ins.arg)
    local argrepr = ""
    if ins.argrepr ~= "" then
      argrepr = "(" .. ins.argrepr .. ")"
    end
    local text = string.format("%4s %5s %5d %-24s %4s %s", line_col, label and (label .. ":") or "", ins.offset, ins.opname, arg, argrepr)
    table.insert(lines, (text:gsub("%s+$", "")))
    rows[#lines] = { ins = ins, label = label }
  end
  if #bc.children > 0 then
    table.insert(lines, "")
    table.insert(lines, "Nested code objects:")
    for _, ch in ipairs(bc.children) do
      table.insert(lines, string.format("  %s  (line %d)", ch.qualname, ch.firstLine))
      rows[#lines] = { child = ch }
    end
  end
  return lines, rows
end

--- Highlights the instructions of a source line (1-based); returns their rows.
function M.highlight(line)
  local b = buf()
  vim.api.nvim_buf_clear_namespace(b, ns, 0, -1)
  M.state.line = line
  vim.api.nvim_buf_add_highlight(b, ns, "PeepholeBytecodeTitle", 0, 0, -1)
  local current = {}
  for row, r in pairs(M.state.rows) do
    if r.ins then
      local text = vim.api.nvim_buf_get_lines(b, row - 1, row, false)[1] or ""
      if r.label then
        local s, e = text:find(r.label .. ":", 1, true)
        if s then
          vim.api.nvim_buf_add_highlight(b, ns, "PeepholeBytecodeLabel", row - 1, s - 1, e)
        end
      end
      local js, je = text:find("to L%d+%)$")
      je = je and je - 1
      if js then
        vim.api.nvim_buf_add_highlight(b, ns, "PeepholeBytecodeJump", row - 1, js - 1, je)
      end
      if r.ins.line == line then
        table.insert(current, row)
        vim.api.nvim_buf_add_highlight(b, ns, "PeepholeBytecodeCurrent", row - 1, 0, -1)
      end
    elseif r.child then
      vim.api.nvim_buf_add_highlight(b, ns, "PeepholeBytecodeJump", row - 1, 2, 2 + #r.child.qualname)
    end
  end
  table.sort(current)
  local w = util.win_of(b)
  if w and #current > 0 and vim.api.nvim_get_current_win() ~= w then
    -- Keep the current instructions in view.
    vim.api.nvim_win_call(w, function()
      vim.api.nvim_win_set_cursor(w, { current[1], 0 })
      vim.cmd("normal! zz")
    end)
  end
  return current
end

local function show(bc, line, file)
  local b = buf()
  local lines, rows = M.render(bc, file)
  util.set_lines(b, lines)
  M.state.bytecode = bc
  M.state.rows = rows
  M.highlight(line)
end

--- Asks the server for the code object at the source window's cursor.
function M.update()
  local st = M.state
  local src, win = st.source, st.source_win
  if not (src and vim.api.nvim_buf_is_valid(src) and win and vim.api.nvim_win_is_valid(win)) then
    return
  end
  local client = require("peephole").client(src, true)
  if not client then
    return
  end
  local cur = vim.api.nvim_win_get_cursor(win)
  local lnum, col = cur[1], cur[2]
  if st.pinned and st.pinned.lnum == lnum and st.pinned.col == col then
    -- The cursor is where choosing an instruction put it: keep the code
    -- object shown (the instruction's range may start in another one).
    M.highlight(lnum)
    return
  end
  st.pinned = nil
  st.seq = st.seq + 1
  local seq = st.seq
  local params = {
    textDocument = { uri = util.uri(src) },
    position = { line = lnum - 1, character = util.utf16_col(src, lnum - 1, col) },
  }
  util.request(client, "peephole/bytecode", params, function(err, result)
    if seq ~= st.seq then
      return
    end
    if err then
      util.set_lines(buf(), { "peephole: " .. (err.message or tostring(err)) })
      st.rows = {}
      return
    end
    if result then
      show(result, lnum, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(src), ":t"))
    end
  end, src)
end

local function schedule()
  local st = M.state
  if st.timer then
    st.timer:stop()
    st.timer:close()
  end
  st.timer = util.uv.new_timer()
  st.timer:start(opts().debounce, 0, function()
    vim.schedule(function()
      if st.timer then
        st.timer:close()
        st.timer = nil
      end
      M.update()
    end)
  end)
end
M.schedule = schedule

local function follow(src, win)
  M.state.source = src
  M.state.source_win = win
  M.state.pinned = nil
  local group = vim.api.nvim_create_augroup("peephole-bytecode", { clear = true })
  vim.api.nvim_create_autocmd({ "CursorMoved", "CursorMovedI", "TextChanged", "TextChangedI" }, {
    group = group,
    buffer = src,
    callback = function()
      if util.win_of(buf()) and vim.api.nvim_get_current_win() == M.state.source_win then
        schedule()
      end
    end,
  })
  vim.api.nvim_create_autocmd("BufEnter", {
    group = group,
    callback = function(ev)
      -- Follow another Python buffer shown in the source window.
      local b = ev.buf
      if b ~= buf() and b ~= M.state.source and require("peephole").client(b, true)
        and vim.api.nvim_get_current_win() == M.state.source_win then
        follow(b, M.state.source_win)
        schedule()
      end
    end,
  })
end

--- :PeepholeBytecode — opens the split for the current buffer (closes it
--- with toggle when it is open).
function M.open(toggle)
  local src = vim.api.nvim_get_current_buf()
  local b = buf()
  if src == b then
    return
  end
  if not require("peephole").client(src) then
    return
  end
  local w = util.win_of(b)
  if w and toggle then
    vim.api.nvim_win_close(w, false)
    return
  end
  if not w then
    local o = opts()
    util.split(b, o.position, o.size)
  end
  follow(src, vim.api.nvim_get_current_win())
  M.update()
end

--- <CR> in the split: select the instruction's source, or follow a jump.
function M.choose()
  local b = buf()
  local row = vim.api.nvim_win_get_cursor(0)[1]
  local r = M.state.rows[row]
  if not r then
    return
  end
  local text = vim.api.nvim_buf_get_lines(b, row - 1, row, false)[1] or ""
  local col = vim.api.nvim_win_get_cursor(0)[2]
  local target = text:match("%(to (L%d+)%)$")
  if target and col >= (text:find("%(to L%d+%)$") or 1) - 1 then
    for rr, x in pairs(M.state.rows) do
      if x.label == target then
        vim.api.nvim_win_set_cursor(0, { rr, 0 })
        return
      end
    end
  end
  local range = r.ins and r.ins.range or (r.child and { start = r.child.range.start, ["end"] = r.child.range.start })
  if is_null(range) or not range then
    util.notify("this instruction has no source position", vim.log.levels.INFO)
    return
  end
  M.reveal(range)
end

--- Selects an LSP range in the source window (visual mode, cursor at its start).
function M.reveal(range)
  local st = M.state
  local src, win = st.source, st.source_win
  if not (win and vim.api.nvim_win_is_valid(win)) then
    return
  end
  local sl, el = range.start.line, range["end"].line
  local sc = util.byte_col(src, sl, range.start.character)
  local ec = util.byte_col(src, el, range["end"].character)
  vim.api.nvim_set_current_win(win)
  vim.api.nvim_buf_clear_namespace(src, src_ns, 0, -1)
  if el > sl or ec > sc then
    -- Select it: from its end back to its start, so the cursor rests at the start.
    local last = math.max(ec - 1, 0)
    vim.api.nvim_win_set_cursor(win, { el + 1, last })
    vim.cmd("normal! v")
    vim.api.nvim_win_set_cursor(win, { sl + 1, sc })
  else
    vim.api.nvim_win_set_cursor(win, { sl + 1, sc })
  end
  st.pinned = { lnum = sl + 1, col = sc }
  M.highlight(sl + 1)
end

--- The split's lines and the rows highlighted as current (for tests).
function M.snapshot()
  local b = buf()
  local current = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(b, ns, 0, -1, { details = true })) do
    if m[4] and m[4].hl_group == "PeepholeBytecodeCurrent" then
      table.insert(current, m[2] + 1)
    end
  end
  table.sort(current)
  return {
    lines = vim.api.nvim_buf_get_lines(b, 0, -1, false),
    current = current,
    bytecode = M.state.bytecode,
    line = M.state.line,
  }
end

return M
