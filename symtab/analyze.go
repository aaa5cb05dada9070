package symtab

// This file is the second pass: it resolves the scope of every name of
// every block (CPython's symtable_analyze and analyze_*).

func (st *builder) analyze() {
	st.analyzeBlock(st.mod.Top, nil, newStrSet(), newStrSet(), newStrSet(), nil)
}

// errorAtDirective raises an error at the global/nonlocal statement that
// declared name in t.
func (st *builder) errorAtDirective(t *Table, name, format string, args ...any) {
	for _, d := range t.directives {
		if d.name == name {
			st.errorAt(locFrom(d), format, args...)
			return
		}
	}
	st.errorAt(locFrom(directive{lineno: t.Lineno, col: t.ColOffset, eline: t.EndLineno, ecol: t.EndColOf}), format, args...)
}

// analyzeName decides the scope of one name (analyze_name).
func (st *builder) analyzeName(t *Table, scopes map[string]Scope, name string, flags int,
	bound, local, free, global, typeParams *strSet, classEntry *Table) {
	if flags&DefGlobal != 0 {
		if flags&DefNonlocal != 0 {
			st.errorAtDirective(t, name, "name '%s' is nonlocal and global", name)
			flags &^= DefNonlocal
		}
		scopes[name] = GlobalExplicit
		global.Add(name)
		if bound != nil {
			bound.Discard(name)
		}
		return
	}
	if flags&DefNonlocal != 0 {
		switch {
		case bound == nil:
			st.errorAtDirective(t, name, "nonlocal declaration not allowed at module level")
			scopes[name] = GlobalImplicit
			return
		case !bound.Contains(name):
			st.errorAtDirective(t, name, "no binding for nonlocal '%s' found", name)
		case typeParams.Contains(name):
			st.errorAtDirective(t, name, "nonlocal binding not allowed for type parameter '%s'", name)
		}
		scopes[name] = Free
		t.HasFree = true
		free.Add(name)
		return
	}
	if flags&DefBound != 0 {
		scopes[name] = Local
		local.Add(name)
		global.Discard(name)
		if flags&DefTypeParam != 0 {
			typeParams.Add(name)
		} else {
			typeParams.Discard(name)
		}
		return
	}
	if classEntry != nil {
		if cf, _ := classEntry.symbols.Get(name); cf&DefBound != 0 {
			scopes[name] = GlobalImplicit
			return
		}
	}
	if bound != nil && bound.Contains(name) {
		scopes[name] = Free
		t.HasFree = true
		free.Add(name)
		return
	}
	if global != nil && global.Contains(name) {
		scopes[name] = GlobalImplicit
		return
	}
	if t.Nested {
		t.HasFree = true
	}
	scopes[name] = GlobalImplicit
}

// analyzeBlock resolves the names of t and of its children
// (analyze_block); free collects the free names of t for its parent.
func (st *builder) analyzeBlock(t *Table, bound, free, global, typeParams *strSet, classEntry *Table) {
	local := newStrSet()
	scopes := map[string]Scope{}
	newGlobal := newStrSet()
	newFree := newStrSet()
	newBound := newStrSet()
	inlinedCells := newStrSet()

	if t.Type == ClassBlock {
		newGlobal.Update(global)
		if bound != nil {
			newBound.Update(bound)
		}
	}
	for _, name := range t.symbols.Names() {
		flags, _ := t.symbols.Get(name)
		st.analyzeName(t, scopes, name, flags, bound, local, free, global, typeParams, classEntry)
	}
	if t.Type != ClassBlock {
		if t.IsFunctionLike() {
			newBound.Update(local)
		}
		if bound != nil {
			newBound.Update(bound)
		}
		newGlobal.Update(global)
	} else {
		newBound.Add("__class__")
		newBound.Add("__classdict__")
	}

	for _, c := range t.Children {
		var newClassEntry *Table
		if c.CanSeeClassScope {
			if t.Type == ClassBlock {
				newClassEntry = t
			} else if classEntry != nil {
				newClassEntry = classEntry
			}
		}
		inline := c.Comprehension != NoComprehension && !c.Generator && !t.CanSeeClassScope
		childFree := st.analyzeChildBlock(c, newBound, newFree, newGlobal, typeParams, newClassEntry)
		if inline {
			st.inlineComprehension(t, c, scopes, childFree, inlinedCells)
			c.CompInlined = true
		}
		newFree.Update(childFree)
		if c.HasFree || c.ChildFree {
			t.ChildFree = true
		}
	}

	// Splice the children of inlined comprehensions into ours.
	var children []*Table
	for _, c := range t.Children {
		if c.CompInlined {
			children = append(children, c.Children...)
		} else {
			children = append(children, c)
		}
	}
	t.Children = children

	if t.IsFunctionLike() {
		analyzeCells(scopes, newFree, inlinedCells)
	} else if t.Type == ClassBlock {
		if newFree.Discard("__class__") {
			t.NeedsClassClosure = true
		}
		if newFree.Discard("__classdict__") {
			t.NeedsClassdict = true
		}
	}
	updateSymbols(t.symbols, scopes, bound, newFree, inlinedCells, t.Type == ClassBlock || t.CanSeeClassScope)
	free.Update(newFree)
}

// analyzeChildBlock analyzes a child with copies of the sets, and returns
// the child's free names (analyze_child_block).
func (st *builder) analyzeChildBlock(c *Table, bound, free, global, typeParams *strSet, classEntry *Table) *strSet {
	tempBound := bound.Copy()
	tempFree := free.Copy()
	tempGlobal := global.Copy()
	tempTypeParams := typeParams.Copy()
	st.analyzeBlock(c, tempBound, tempFree, tempGlobal, tempTypeParams, classEntry)
	return tempFree
}

// inlineComprehension merges an inlined comprehension's symbols into its
// parent's (PEP 709).
func (st *builder) inlineComprehension(t, comp *Table, scopes map[string]Scope, compFree, inlinedCells *strSet) {
	removeDunderClass := false
	for _, k := range comp.symbols.Names() {
		compFlags, _ := comp.symbols.Get(k)
		if compFlags&DefParam != 0 {
			continue // the .0 parameter
		}
		scope := Scope((compFlags >> ScopeOffset) & ScopeMask)
		onlyFlags := compFlags & (1<<ScopeOffset - 1)
		if scope == Cell || onlyFlags&DefCompCell != 0 {
			inlinedCells.Add(k)
		}
		existing, ok := t.symbols.Get(k)
		if scope == Free && t.Type == ClassBlock && k == "__class__" {
			scope = GlobalImplicit
			compFree.Discard(k)
			removeDunderClass = true
		}
		if !ok {
			t.symbols.Set(k, onlyFlags)
			scopes[k] = scope
		} else if existing&DefBound != 0 && !isFreeInAnyChild(comp, k) && t.Type != ClassBlock {
			compFree.Discard(k)
		}
	}
	comp.CompInlined = true
	if removeDunderClass {
		comp.symbols.Delete("__class__")
	}
}

func isFreeInAnyChild(t *Table, name string) bool {
	for _, c := range t.Children {
		if f, ok := c.symbols.Get(name); ok && Scope((f>>ScopeOffset)&ScopeMask) == Free {
			return true
		}
		if isFreeInAnyChild(c, name) {
			return true
		}
	}
	return false
}

// analyzeCells makes cells of the locals that are free in a child or cells
// of an inlined comprehension (analyze_cells).
func analyzeCells(scopes map[string]Scope, free, inlinedCells *strSet) {
	for name, scope := range scopes {
		if scope != Local {
			continue
		}
		if !free.Contains(name) && !inlinedCells.Contains(name) {
			continue
		}
		scopes[name] = Cell
		free.Discard(name)
	}
}

// updateSymbols writes the scopes into the flags and adds the names that
// are free in children and pass through this block (update_symbols).
func updateSymbols(symbols *symDict, scopes map[string]Scope, bound, free, inlinedCells *strSet, classFlag bool) {
	for _, name := range symbols.Names() {
		flags, _ := symbols.Get(name)
		if inlinedCells.Contains(name) {
			flags |= DefCompCell
		}
		flags |= int(scopes[name]) << ScopeOffset
		symbols.Set(name, flags)
	}
	for _, name := range free.Keys() {
		if v, ok := symbols.Get(name); ok {
			if classFlag {
				symbols.Set(name, v|DefFreeClass)
			}
			continue
		}
		if bound != nil && !bound.Contains(name) {
			continue // a global
		}
		symbols.Set(name, int(Free)<<ScopeOffset)
	}
}
