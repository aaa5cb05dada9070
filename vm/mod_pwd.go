package vm

import (
	"os"
	"strconv"
	"strings"
)

// The pwd and grp modules: the password and group databases, read from
// /etc/passwd and /etc/group at each call (glibc's "files" source, which
// is what CPython's getpwnam and kin see on a system without NSS
// services), with CPython's struct sequences, lookups and errors.

var (
	pwdStructSeq = newNativeSeq("pwd", "struct_passwd", []string{"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"}, 7, false)
	grpStructSeq = newNativeSeq("grp", "struct_group", []string{"gr_name", "gr_passwd", "gr_gid", "gr_mem"}, 4, false)
)

const (
	pwdModuleDoc = "This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found."
	grpModuleDoc = "Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\nThe gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed as members of the groups they are in\naccording to the password database.  Check both databases to get\ncomplete membership information.)"
)

func init() {
	onSetup(func() {
		pwdStructSeq.typ.Doc = "pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor via the object attributes as named in the above tuple."
		grpStructSeq.typ.Doc = "grp.struct_group: Results from getgr*() routines.\n\nThis object may be accessed either as a tuple of\n  (gr_name,gr_passwd,gr_gid,gr_mem)\nor via the object attributes as named in the above tuple.\n"
		for _, tp := range []*Type{pwdStructSeq.typ, grpStructSeq.typ} {
			tp.Dict.SetStr("__doc__", NewStrValue(tp.Doc))
		}
	})
	RegisterModule("pwd", initPwdModule)
	RegisterModule("grp", initGrpModule)
}

// dbEntries reads the colon-separated lines of a database file with at
// least n fields and a numeric third field.
func dbEntries(path string, n int) [][]string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) < n {
			continue
		}
		if _, err := strconv.ParseUint(f[2], 10, 32); err != nil {
			continue
		}
		out = append(out, f[:n])
	}
	return out
}

func dbID(s string) Value {
	n, _ := strconv.ParseUint(s, 10, 32)
	return Int(int64(n))
}

func pwdEntry(f []string) Value {
	return pwdStructSeq.make(NewStrValue(f[0]), NewStrValue(f[1]), dbID(f[2]), dbID(f[3]), NewStrValue(f[4]), NewStrValue(f[5]), NewStrValue(f[6]))
}

func grpEntry(f []string) Value {
	var mem []Value
	for _, m := range strings.Split(f[3], ",") {
		if m != "" {
			mem = append(mem, NewStrValue(m))
		}
	}
	return grpStructSeq.make(NewStrValue(f[0]), NewStrValue(f[1]), dbID(f[2]), Value{o: NewList(mem...)})
}

// dbIDArg converts a uid or gid argument (_Py_Uid_Converter): ok is false
// when it does not fit an id (the lookup then fails without the value).
func dbIDArg(t *Thread, v Value, what string) (uint64, bool, error) {
	if !hasIndex(v) {
		return 0, false, t.typeErrorf("%s should be integer, not %s", what, typeName(v))
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, false, err
	}
	c, _ := intConst(i)
	b := c.Big()
	switch {
	case b.Sign() >= 0 && b.IsUint64() && b.Uint64() <= 0xffffffff:
		return b.Uint64(), true, nil
	case b.IsInt64() && b.Int64() == -1:
		return 0xffffffff, true, nil
	}
	return 0, false, nil
}

// dbNameArg is a name argument: a str without NUL.
func dbNameArg(t *Thread, fname string, v Value) (string, error) {
	s, ok := v.o.(*Str)
	if !ok {
		return "", t.typeErrorf("%s() argument must be str, not %s", fname, typeName(v))
	}
	if strings.IndexByte(s.s, 0) >= 0 {
		return "", t.valueErrorf("embedded null byte")
	}
	return s.s, nil
}

func dbKeyError(t *Thread, msg string) error { return NewException(KeyErrorType, NewStrValue(msg)) }

// initDBModule fills pwd or grp: getXXuid/getXXgid, getXXnam, getXXall.
func initDBModule(t *Thread, m *Module, mod, doc, path string, nfields int, seq *nativeSeq, entry func([]string) Value,
	byID, idWord, byName, all string, docs [3]string) {
	m.Set("__doc__", NewStrValue(doc))
	m.addType(seq.typ)
	add := func(name, d string, fn BuiltinFunc) {
		b := NewBuiltin(name, fn)
		b.module = mod
		b.doc = d
		m.Set(name, Value{o: b})
	}
	add(byID, docs[0], func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, mod+"."+byID, args, kw); err != nil {
			return Null, err
		}
		id, ok, err := dbIDArg(t, args[0], idWord)
		if err != nil {
			return Null, err
		}
		if ok {
			for _, f := range dbEntries(path, nfields) {
				if n, _ := strconv.ParseUint(f[2], 10, 32); n == id {
					return entry(f), nil
				}
			}
			s, err := StrOf(t, args[0])
			if err != nil {
				return Null, err
			}
			return Null, dbKeyError(t, byID+"(): "+idWord+" not found: "+s.s)
		}
		return Null, dbKeyError(t, byID+"(): "+idWord+" not found")
	})
	add(byName, docs[1], func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, mod+"."+byName, args, kw); err != nil {
			return Null, err
		}
		name, err := dbNameArg(t, byName, args[0])
		if err != nil {
			return Null, err
		}
		for _, f := range dbEntries(path, nfields) {
			if f[0] == name {
				return entry(f), nil
			}
		}
		r, err := Repr(t, args[0])
		if err != nil {
			return Null, err
		}
		return Null, dbKeyError(t, byName+"(): name not found: "+r.s)
	})
	add(all, docs[2], func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, mod+"."+all, args, kw); err != nil {
			return Null, err
		}
		var out []Value
		for _, f := range dbEntries(path, nfields) {
			out = append(out, entry(f))
		}
		return Value{o: NewList(out...)}, nil
	})
}

func initPwdModule(t *Thread, m *Module) error {
	initDBModule(t, m, "pwd", pwdModuleDoc, "/etc/passwd", 7, pwdStructSeq, pwdEntry, "getpwuid", "uid", "getpwnam", "getpwall", [3]string{
		"Return the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on password database entries.",
		"Return the password database entry for the given user name.\n\nSee `help(pwd)` for more on password database entries.",
		"Return a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries.",
	})
	return nil
}

func initGrpModule(t *Thread, m *Module) error {
	initDBModule(t, m, "grp", grpModuleDoc, "/etc/group", 4, grpStructSeq, grpEntry, "getgrgid", "gid", "getgrnam", "getgrall", [3]string{
		"Return the group database entry for the given numeric group ID.\n\nIf id is not valid, raise KeyError.",
		"Return the group database entry for the given group name.\n\nIf name is not valid, raise KeyError.",
		"Return a list of all available group entries, in arbitrary order.\n\nAn entry whose name starts with '+' or '-' represents an instruction\nto use YP/NIS and may not be accessible via getgrnam or getgrgid.",
	})
	return nil
}
