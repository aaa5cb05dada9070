//go:build linux

package vm

import (
	"os"
	"syscall"
)

// statvfsOf is statvfs(3) as glibc makes it from statfs(2): the eleven
// fields of os.statvfs_result, for a path or an open file.
func statvfsOf(path string, f *os.File) ([]uint64, error) {
	var st syscall.Statfs_t
	var err error
	if f != nil {
		err = syscall.Fstatfs(int(f.Fd()), &st)
	} else {
		err = syscall.Statfs(path, &st)
	}
	if err != nil {
		return nil, err
	}
	const stValid = 0x20 // ST_VALID: the kernel filled f_flags
	flags := uint64(st.Flags)
	if flags&stValid != 0 {
		flags ^= stValid
	}
	fsid := uint64(uint32(st.Fsid.X__val[0])) | uint64(uint32(st.Fsid.X__val[1]))<<32
	return []uint64{uint64(st.Bsize), uint64(st.Frsize), st.Blocks, st.Bfree, st.Bavail, st.Files, st.Ffree, st.Ffree,
		flags, uint64(st.Namelen), fsid}, nil
}
