package vm

// sys.__displayhook__: the original sys.displayhook, which doctest
// restores after each example.

func init() {
	sysSetups = append(sysSetups, func(in *Interp, m *Module) {
		if dh, ok := m.dict.GetStr("displayhook"); ok {
			if _, has := m.dict.GetStr("__displayhook__"); !has {
				m.dict.SetStr("__displayhook__", dh)
			}
		}
	})
}
