-- Runs: :PeepholeRun, :PeepholeRunSelection, :PeepholeReset, :PeepholeCancel.
-- Each sends workspace/executeCommand (peephole.run, peephole.runSelection,
-- peephole.resetSession) with a work-done token of its own; the output
-- streams into the output buffer, progress messages go to the message
-- line, and the result closes the run's section with its exit status. An
-- uncaught exception also becomes a diagnostic, which the server publishes.

local util = require("peephole.util")
local output = require("peephole.output")

local M = {}

--- The request in flight per buffer: { client = c, id = request id }.
M.running = {}

local token_n = 0

local function describe(r)
  local ms = tostring(r.durationMs or 0) .. " ms"
  if r.timedOut then
    return "timed out after " .. ms
  end
  if r.exitCode == nil or r.exitCode == vim.NIL then
    return "stopped after " .. ms
  end
  if r.exception and r.exception ~= vim.NIL then
    return string.format("%s (exit code %d) after %s", r.exception.type, r.exitCode, ms)
  end
  return string.format("exit code %d after %s", r.exitCode, ms)
end
M.describe = describe

local function finish(bufnr, uri, err, result)
  M.running[bufnr] = nil
  if err then
    local msg = type(err) == "table" and err.message or tostring(err)
    if type(err) == "table" and err.code == -32800 then
      output.line("■ cancelled")
    else
      output.line("■ failed: " .. tostring(msg))
      util.notify(tostring(msg), vim.log.levels.ERROR)
    end
    output.streamed[uri] = nil
    return
  end
  if type(result) ~= "table" then
    output.streamed[uri] = nil
    return
  end
  if (output.streamed[uri] or 0) == 0 then
    -- A server that only answers: print what the result holds.
    output.append((result.stdout or "") .. (result.stderr or ""))
  end
  output.streamed[uri] = nil
  output.line("■ " .. describe(result))
  if result.exception and result.exception ~= vim.NIL then
    local ex = result.exception
    local frames = ex.frames or {}
    local last = frames[#frames]
    local where = last and (" (line " .. tostring(last.line) .. ")") or ""
    util.notify(string.format("%s: %s%s", ex.type, ex.message, where), vim.log.levels.ERROR)
  else
    vim.api.nvim_echo({ { "peephole: " .. describe(result), "None" } }, false, {})
  end
end

local function exec(bufnr, command, arguments, title)
  local client
  client, bufnr = require("peephole").client(bufnr)
  if not client then
    return
  end
  if M.running[bufnr] then
    util.notify("a run of this buffer is still going (:PeepholeCancel stops it)", vim.log.levels.WARN)
    return
  end
  local uri = util.uri(bufnr)
  token_n = token_n + 1
  local token = "peephole-nvim-" .. token_n
  output.begin(title)
  output.streamed[uri] = 0
  local ok, id = util.request(client, "workspace/executeCommand", {
    command = command,
    arguments = arguments,
    workDoneToken = token,
  }, function(err, result)
    finish(bufnr, uri, err, result)
  end, bufnr)
  if ok then
    M.running[bufnr] = { client = client, id = id }
  else
    output.line("■ failed: the server is not running")
  end
end

local function name_of(bufnr)
  local n = vim.api.nvim_buf_get_name(bufnr)
  return n ~= "" and vim.fn.fnamemodify(n, ":t") or "[No Name]"
end

function M.run_file(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  exec(bufnr, "peephole.run", { util.uri(bufnr) }, "Running " .. name_of(bufnr))
end

--- Runs lines line1..line2 (1-based, inclusive). cols, when given, is
--- { start_col, end_col } (1-based bytes, end inclusive) of a selection
--- within one line, so an expression in a line can run on its own.
function M.run_selection(line1, line2, cols)
  local bufnr = vim.api.nvim_get_current_buf()
  local range
  if cols and line1 == line2 then
    local l = line1 - 1
    range = {
      start = { line = l, character = util.utf16_col(bufnr, l, cols[1] - 1) },
      ["end"] = { line = l, character = util.utf16_col(bufnr, l, cols[2]) },
    }
  else
    local last = line2 - 1
    range = {
      start = { line = line1 - 1, character = 0 },
      ["end"] = { line = last, character = util.utf16_col(bufnr, last, #util.line_text(bufnr, last)) },
    }
  end
  local title = line1 == line2 and ("Running line " .. line1) or ("Running lines " .. line1 .. "–" .. line2)
  exec(bufnr, "peephole.runSelection", { util.uri(bufnr), range }, title .. " of " .. name_of(bufnr))
end

function M.reset(bufnr)
  local client
  client, bufnr = require("peephole").client(bufnr)
  if not client then
    return
  end
  util.request(client, "workspace/executeCommand", { command = "peephole.resetSession", arguments = { util.uri(bufnr) } }, function(err)
    if err then
      util.notify(err.message or tostring(err), vim.log.levels.ERROR)
    else
      output.line("■ session of " .. name_of(bufnr) .. " reset")
      vim.api.nvim_echo({ { "peephole: session reset", "None" } }, false, {})
    end
  end, bufnr)
end

function M.cancel(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local r = M.running[bufnr]
  if not r then
    util.notify("nothing is running", vim.log.levels.INFO)
    return
  end
  util.cancel_request(r.client, r.id)
end

return M
