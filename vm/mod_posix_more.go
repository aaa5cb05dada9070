package vm

import (
	"math/big"
	"os"
)

// More of the posix module: pipe (whose two ends are descriptors of the
// thread's table, as os.open's are: subprocess makes them before it
// finds that the VM starts no process) and statvfs/fstatvfs with
// os.statvfs_result (shutil.disk_usage). The file-system facts come from
// statvfsOf, per operating system.

var statvfsResultSeq = newNativeSeq("os", "statvfs_result", []string{"f_bsize", "f_frsize", "f_blocks", "f_bfree",
	"f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"}, 10, false)

// addPosixMore adds these functions to the posix module.
func addPosixMore(m *Module) {
	m.addType(statvfsResultSeq.typ)
	m.AddFunc("pipe", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "posix.pipe", args, kw); err != nil {
			return Null, err
		}
		r, w, err := os.Pipe()
		if err != nil {
			return Null, t.osError(err, "")
		}
		rfd, wfd := int(r.Fd()), int(w.Fd())
		t.fds().files[rfd], t.fds().files[wfd] = r, w
		return Value{o: NewTuple(Int(int64(rfd)), Int(int64(wfd)))}, nil
	})
	statvfs := func(name string, fdOnly bool) BuiltinFunc {
		spec := ArgSpec{Name: name, Params: []string{"path"}, Required: 1}
		if fdOnly {
			spec = ArgSpec{Name: name, Params: []string{"fd"}, Required: 1, PosOnly: 1}
		}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			var f *os.File
			path := ""
			if fdOnly {
				n, err := AsSize(t, a[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				if f, err = t.fileOf(n); err != nil {
					return Null, err
				}
			} else {
				p, err := t.pathOf(name, "path", a[0], true, false)
				if err != nil {
					return Null, err
				}
				if p.isFD {
					if f, err = t.fileOf(p.fd); err != nil {
						return Null, err
					}
				} else {
					if err := t.fsCheck(false, p.path); err != nil {
						return Null, err
					}
					path = p.path
				}
			}
			fields, err := statvfsOf(path, f)
			if err != nil {
				return Null, t.osError(err, path)
			}
			vals := make([]Value, len(fields))
			for i, v := range fields {
				vals[i] = NewBigInt(new(big.Int).SetUint64(v))
			}
			return statvfsResultSeq.make(vals...), nil
		}
	}
	m.AddFunc("statvfs", statvfs("statvfs", false))
	m.AddFunc("fstatvfs", statvfs("fstatvfs", true))
}
