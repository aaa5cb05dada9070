// editors/ holds no Go: the VS Code extension (TypeScript), the Neovim
// plugin (Lua) and their end-to-end tests. This file makes it a module of
// its own, so the peephole module's ./... patterns (go vet, go test) never
// walk into the node_modules folders npm installs here.
module github.com/peephole-lsp/peephole/editors

go 1.26.0
