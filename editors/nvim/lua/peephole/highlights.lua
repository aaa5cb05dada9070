-- peephole's highlight groups, defined with `default` so a colorscheme or
-- the user's own definitions win. They are derived from the colorscheme's
-- standard groups, so they suit light and dark backgrounds alike.
--
-- Binding kinds (the semantic tokens' modifiers, DESIGN §8):
--   PeepholeLocal, PeepholeCell, PeepholeFree, PeepholeGlobal,
--   PeepholeBuiltin, PeepholeClassBody, PeepholeTypeParameter
-- The bytecode split:
--   PeepholeBytecodeCurrent (the current line's instructions),
--   PeepholeBytecodeLabel (L1:, L2:…), PeepholeBytecodeJump (to L2),
--   PeepholeBytecodeTitle

local M = {}

--- The modifier of each group, in the order a token's modifiers are tried.
M.kinds = {
  { "local", "PeepholeLocal" },
  { "cell", "PeepholeCell" },
  { "free", "PeepholeFree" },
  { "global", "PeepholeGlobal" },
  { "builtin", "PeepholeBuiltin" },
  { "classBody", "PeepholeClassBody" },
  { "typeParameter", "PeepholeTypeParameter" },
}

local links = {
  PeepholeLocal = "Identifier",
  PeepholeCell = "Special",
  PeepholeGlobal = "Type",
  PeepholeClassBody = "Label",
  PeepholeBytecodeCurrent = "Visual",
  PeepholeBytecodeLabel = "Label",
  PeepholeBytecodeJump = "Underlined",
  PeepholeBytecodeTitle = "Title",
}

-- Groups that take a standard group's colours plus an attribute.
local derived = {
  PeepholeFree = { "Special", { italic = true } },
  PeepholeBuiltin = { "Function", { italic = true } },
  PeepholeTypeParameter = { "Type", { italic = true } },
}

local function set(name, val)
  val.default = true
  if vim.api.nvim_set_hl then
    vim.api.nvim_set_hl(0, name, val)
  else
    -- Neovim < 0.7 (not supported, but harmless).
    vim.cmd(string.format("highlight default link %s %s", name, val.link or "Normal"))
  end
end

function M.define()
  for name, to in pairs(links) do
    set(name, { link = to })
  end
  for name, d in pairs(derived) do
    local val = require("peephole.util").hl_colors(d[1])
    for k, v in pairs(d[2]) do
      val[k] = v
    end
    set(name, val)
  end
  -- Neovim 0.9+ paints semantic tokens itself, in @lsp.mod.<modifier>
  -- groups (names with "@" are invalid before 0.8).
  if vim.fn.has("nvim-0.8") ~= 1 then
    return
  end
  for _, k in ipairs(M.kinds) do
    set("@lsp.mod." .. k[1] .. ".python", { link = k[2] })
    set("@lsp.mod." .. k[1], { link = k[2] })
  end
end

return M
