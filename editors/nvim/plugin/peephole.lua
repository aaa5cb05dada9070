-- peephole's commands. Nothing attaches until require("peephole").setup{}
-- is called (see :help peephole).
if vim.g.loaded_peephole then
  return
end
vim.g.loaded_peephole = true

if vim.fn.has("nvim-0.7") ~= 1 then
  vim.api.nvim_err_writeln("peephole needs Neovim 0.7 or later")
  return
end

local cmd = vim.api.nvim_create_user_command

cmd("PeepholeRun", function()
  require("peephole").run()
end, { desc = "peephole: run the buffer as __main__" })

cmd("PeepholeRunSelection", function(o)
  local cols
  -- A charwise selection within one line runs just what it selects.
  if o.range == 2 and o.line1 == o.line2 and vim.fn.visualmode() == "v" then
    local s, e = vim.fn.getpos("'<"), vim.fn.getpos("'>")
    if s[2] == o.line1 and e[2] == o.line2 and e[3] < (vim.v.maxcol or 2147483647) then
      local text = vim.fn.getline(o.line1)
      local last = e[3] + #vim.fn.matchstr(text:sub(e[3]), "^.") - 1
      cols = { s[3], last }
    end
  end
  require("peephole").run_selection(o.line1, o.line2, cols)
end, { range = true, desc = "peephole: run the selected lines in the buffer's session" })

cmd("PeepholeBytecode", function(o)
  require("peephole").bytecode(o.bang)
end, { bang = true, desc = "peephole: bytecode split following the cursor (! closes it)" })

cmd("PeepholeReset", function()
  require("peephole").reset()
end, { desc = "peephole: forget the buffer's session" })

cmd("PeepholeCancel", function()
  require("peephole").cancel()
end, { desc = "peephole: cancel the buffer's run" })

cmd("PeepholeOutput", function()
  require("peephole").output()
end, { desc = "peephole: show the output buffer" })
