-- The output buffer, peephole://output: a scratch buffer that collects what
-- runs print (streamed by the server as peephole/output notifications),
-- each run between a "▶ Running …" line and a "■ exit code …" line.

local util = require("peephole.util")

local M = {}

local NAME = "peephole://output"

--- Text streamed per document URI during its run (to know whether any came).
M.streamed = {}

local function buf()
  return util.scratch(NAME, "peephole-output")
end

local function opts()
  return (require("peephole").options or require("peephole.config").defaults).output
end

--- Shows the output buffer in a split (if it is not shown).
function M.show()
  local b = buf()
  local w = util.win_of(b)
  if not w then
    local o = opts()
    w = util.split(b, o.position, o.size)
  end
  return w
end

local function scroll_to_end(b)
  local w = util.win_of(b)
  if w then
    vim.api.nvim_win_set_cursor(w, { vim.api.nvim_buf_line_count(b), 0 })
  end
end

--- Appends text (which may hold newlines) to the buffer: the first piece
--- continues the last line.
function M.append(text)
  local b = buf()
  local pieces = vim.split(text, "\n", { plain = true })
  vim.bo[b].modifiable = true
  local n = vim.api.nvim_buf_line_count(b)
  local last = vim.api.nvim_buf_get_lines(b, n - 1, n, false)[1] or ""
  pieces[1] = last .. pieces[1]
  vim.api.nvim_buf_set_lines(b, n - 1, n, false, pieces)
  vim.bo[b].modifiable = false
  scroll_to_end(b)
end

--- Appends a line of its own (after a partial line, on a new line).
function M.line(text)
  local b = buf()
  local n = vim.api.nvim_buf_line_count(b)
  local last = vim.api.nvim_buf_get_lines(b, n - 1, n, false)[1] or ""
  if last ~= "" then
    M.append("\n")
  end
  M.append(text .. "\n")
end

--- peephole/output: a piece of a run's output.
function M.stream(uri, stream, text)
  M.streamed[uri] = (M.streamed[uri] or 0) + #text
  M.append(text)
end

--- The output buffer's lines (for tests and scripts).
function M.lines()
  return vim.api.nvim_buf_get_lines(buf(), 0, -1, false)
end

--- Empties the buffer.
function M.clear()
  util.set_lines(buf(), { "" })
end

--- Starts a run's section.
function M.begin(title)
  if opts().open then
    M.show()
  end
  M.line("▶ " .. title)
end

return M
