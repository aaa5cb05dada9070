" Smoke test: Vim 9 with ALE (Debian's vim-ale), a client that knows nothing
" about peephole, shows peephole's hover — the binding kind and the bytecode.
" scripts/editors-test runs
"   vim -N -u NONE -i NONE -n -es -S editors/test/ale_test.vim
" with PEEPHOLE, WS and FILE in the environment.

let s:passed = 0
let s:failed = 0
function! s:Out(line) abort
  call writefile([a:line], '/dev/stdout', 'a')
endfunction
function! s:Check(what, ok, detail) abort
  if a:ok
    let s:passed += 1
    call s:Out('ok - vim+ale: ' . a:what)
  else
    let s:failed += 1
    call s:Out('not ok - vim+ale: ' . a:what)
    for l:l in split(a:detail, "\n")
      call s:Out('    # ' . l:l)
    endfor
  endif
endfunction

" The hover's text, from ALE's preview window, or ''.
function! s:HoverText() abort
  for l:b in range(1, bufnr('$'))
    if bufexists(l:b) && getbufvar(l:b, '&filetype') =~# '^ale-preview'
      return join(getbufline(l:b, 1, '$'), "\n")
    endif
  endfor
  return ''
endfunction

function! s:HoverAt(line, col, want) abort
  for l:try in range(40)
    silent! pclose
    for l:b in range(1, bufnr('$'))
      if bufexists(l:b) && getbufvar(l:b, '&filetype') =~# '^ale-preview'
        execute 'silent! bwipeout! ' . l:b
      endif
    endfor
    call cursor(a:line, a:col)
    ALEHover
    for l:i in range(30)
      sleep 100m
      let l:text = s:HoverText()
      if l:text =~# a:want
        return l:text
      endif
    endfor
  endfor
  return s:HoverText()
endfunction

function! s:LineOf(text) abort
  return index(getline(1, '$'), a:text) + 1
endfunction

try
  set rtp^=/usr/share/vim-ale
  filetype plugin on
  runtime! plugin/ale.vim
  let g:ale_linters = {'python': ['peephole']}
  let g:ale_linters_explicit = 1
  let g:ale_hover_to_preview = 1
  let g:ale_hover_to_floating_preview = 0
  let g:ale_floating_preview = 0
  call ale#linter#Define('python', {
  \   'name': 'peephole',
  \   'lsp': 'stdio',
  \   'executable': $PEEPHOLE,
  \   'command': '%e lsp',
  \   'project_root': $WS,
  \})
  execute 'edit ' . fnameescape($WS . '/' . $FILE)
  set filetype=python

  let s:text = s:HoverAt(s:LineOf('    return c'), 12, 'LOAD_FAST')
  call s:Check('hover on a local shows its kind and LOAD_FAST', s:text =~# 'local variable' && s:text =~# 'LOAD_FAST\s\+2 (c)', s:text)
  let s:text = s:HoverAt(s:LineOf('    return n * factorial(n - 1)'), 17, 'LOAD_GLOBAL')
  call s:Check('hover on a global shows its kind and LOAD_GLOBAL', s:text =~# 'global name' && s:text =~# 'LOAD_GLOBAL\s\+1 (factorial + NULL)', s:text)
  call s:Check('hover shows the line''s disassembly', s:text =~# 'BINARY_OP\s\+5 (\*)', s:text)
catch
  call s:Check('scenario completed', 0, v:exception . ' at ' . v:throwpoint)
endtry
call s:Out(printf('# vim+ale: %d passed, %d failed', s:passed, s:failed))
execute 'cquit ' . (s:failed > 0 || s:passed == 0 ? 1 : 0)
