;;; eglot_test.el --- smoke test: Emacs + eglot shows peephole's hover  -*- lexical-binding: t -*-
;; Emacs 28 with Debian's elpa-eglot, a client that knows nothing about
;; peephole, asks for a hover and gets the binding kind and the bytecode.
;; scripts/editors-test runs `emacs --batch -l editors/test/eglot_test.el'
;; with PEEPHOLE, WS and FILE in the environment.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'python)

(defvar peephole-test-passed 0)
(defvar peephole-test-failed 0)

(defun peephole-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun peephole-test-check (what ok detail)
  (if ok
      (progn (setq peephole-test-passed (1+ peephole-test-passed))
             (peephole-test-out "ok - emacs+eglot: %s" what))
    (setq peephole-test-failed (1+ peephole-test-failed))
    (peephole-test-out "not ok - emacs+eglot: %s" what)
    (dolist (l (split-string (format "%s" detail) "\n"))
      (peephole-test-out "    # %s" l))))

(defun peephole-test-goto (text col)
  "Put point on the line that is TEXT, at 1-based column COL."
  (goto-char (point-min))
  (re-search-forward (concat "^" (regexp-quote text) "$"))
  (beginning-of-line)
  (forward-char (1- col)))

(defun peephole-test-hover ()
  "The hover's markdown at point, through eglot's connection."
  (let* ((server (eglot-current-server))
         (res (jsonrpc-request server :textDocument/hover
                               (eglot--TextDocumentPositionParams)))
         (contents (plist-get res :contents)))
    (if (stringp contents) contents (or (plist-get contents :value) (format "%S" contents)))))

(condition-case err
    (let* ((file (expand-file-name (getenv "FILE") (getenv "WS")))
           (eglot-sync-connect t)
           (eglot-autoshutdown t)
           (eglot-server-programs `((python-mode . (,(getenv "PEEPHOLE") "lsp")))))
      (find-file file)
      (python-mode)
      ;; eglot-ensure does nothing in batch mode: start it directly.
      (eglot '(python-mode) (cons 'transient (file-name-as-directory (getenv "WS"))) 'eglot-lsp-server
             (list (getenv "PEEPHOLE") "lsp") "python")
      (peephole-test-check "eglot connects" (eglot-current-server) "no server")
      (peephole-test-goto "    return c" 12)
      (let ((h (peephole-test-hover)))
        (peephole-test-check "hover on a local shows its kind and LOAD_FAST"
                             (and (string-match-p "local variable" h) (string-match-p "LOAD_FAST +2 (c)" h)) h))
      (peephole-test-goto "    return n * factorial(n - 1)" 17)
      (let ((h (peephole-test-hover)))
        (peephole-test-check "hover on a global shows its kind and LOAD_GLOBAL"
                             (and (string-match-p "global name" h)
                                  (string-match-p "LOAD_GLOBAL +1 (factorial \\+ NULL)" h)) h))
      (eglot-shutdown (eglot-current-server)))
  (error (peephole-test-check "scenario completed" nil (format "%S" err))))

(peephole-test-out "# emacs+eglot: %d passed, %d failed" peephole-test-passed peephole-test-failed)
(kill-emacs (if (or (> peephole-test-failed 0) (= peephole-test-passed 0)) 1 0))
