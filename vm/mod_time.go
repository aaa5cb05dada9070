package vm

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The time module: clocks, sleep (which lets other threads run), and the
// calendar functions over struct_time (gmtime, localtime, mktime,
// asctime, ctime, strftime with the C locale's formats; strptime is
// _strptime's, in Python).

var timeStructSeq = newNativeSeq("time", "struct_time", []string{"tm_year", "tm_mon", "tm_mday", "tm_hour",
	"tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"}, 9, false)

var processStart = time.Now()

// monotonicStart anchors time.monotonic(): Go's monotonic clock reading
// is relative to an arbitrary point, as CPython's is.
var monotonicStart = time.Now()

func monotonicNs() int64 { return int64(time.Since(monotonicStart)) + 1_000_000_000 }

func init() {
	RegisterModule("time", initTimeModule)
}

// timeSecondsArg converts a timestamp argument (None: now) to seconds,
// as _PyTime_ObjectToTime_t does (floats are floored).
func timeSecondsArg(t *Thread, v Value) (int64, error) {
	if v.IsNull() || v.IsNone() {
		return time.Now().Unix(), nil
	}
	if f, ok := floatOf(v); ok {
		if math.IsNaN(f) {
			return 0, t.valueErrorf("Invalid value NaN (not a number)")
		}
		f = math.Floor(f)
		if f < -9.2e18 || f > 9.2e18 {
			return 0, t.raise(OverflowErrorType, "timestamp out of range for platform time_t")
		}
		return int64(f), nil
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if !i.IsSmallInt() {
		return 0, t.raise(OverflowErrorType, "timestamp out of range for platform time_t")
	}
	return i.SmallInt(), nil
}

// structTimeOf makes the struct_time of a Go time (gmtime's zone is
// named GMT, as C's gmtime names it).
func structTimeOf(tm time.Time) Value {
	zone, off := tm.Zone()
	if tm.Location() == time.UTC {
		zone = "GMT"
	}
	wday := (int(tm.Weekday()) + 6) % 7
	isdst := 0
	if tm.IsDST() {
		isdst = 1
	}
	return timeStructSeq.make(Int(int64(tm.Year())), Int(int64(tm.Month())), Int(int64(tm.Day())),
		Int(int64(tm.Hour())), Int(int64(tm.Minute())), Int(int64(tm.Second())), Int(int64(wday)),
		Int(int64(tm.YearDay())), Int(int64(isdst)), NewStrValue(zone), Int(int64(off)))
}

// brokenTime is a C struct tm read from a time tuple.
type brokenTime struct {
	year, mon, mday, hour, min, sec, wday, yday, isdst int
	zone                                               string
	gmtoff                                             int
	hasZone                                            bool
}

// timeTupleArg reads a struct_time or 9-tuple (gettmarg).
func timeTupleArg(t *Thread, v Value, fname string) (brokenTime, error) {
	var bt brokenTime
	tu, ok := v.o.(*Tuple)
	if !ok {
		return bt, t.typeErrorf("Tuple or struct_time argument required")
	}
	if len(tu.items) != 9 {
		return bt, t.typeErrorf("%s(): illegal time tuple argument", fname)
	}
	fields := []*int{&bt.year, &bt.mon, &bt.mday, &bt.hour, &bt.min, &bt.sec, &bt.wday, &bt.yday, &bt.isdst}
	for i, f := range fields {
		x := tu.items[i]
		if x.IsFloat() {
			return bt, t.typeErrorf("'float' object cannot be interpreted as an integer")
		}
		n, err := AsSize(t, x, OverflowErrorType)
		if err != nil {
			return bt, err
		}
		*f = n
	}
	if ss, ok := nativeSeqs[tu.cls]; ok && ss == timeStructSeq {
		if z, ok := ss.field(tu, 9).o.(*Str); ok {
			bt.zone, bt.hasZone = z.s, true
		}
		if off := ss.field(tu, 10); off.IsSmallInt() {
			bt.gmtoff = int(off.SmallInt())
		}
	}
	return bt, nil
}

// checkTm is checktm: the ranges asctime and strftime accept, after
// strftime's normalizations.
func (bt *brokenTime) check(t *Thread) error {
	switch {
	case bt.mon < 0 || bt.mon > 11:
		return t.valueErrorf("month out of range")
	case bt.mday < 1 || bt.mday > 31:
		return t.valueErrorf("day of month out of range")
	case bt.hour < 0 || bt.hour > 23:
		return t.valueErrorf("hour out of range")
	case bt.min < 0 || bt.min > 59:
		return t.valueErrorf("minute out of range")
	case bt.sec < 0 || bt.sec > 61:
		return t.valueErrorf("seconds out of range")
	case bt.wday < 0:
		return t.valueErrorf("day of week out of range")
	case bt.yday < 0 || bt.yday > 365:
		return t.valueErrorf("day of year out of range")
	}
	return nil
}

var (
	weekdayAbbr = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	weekdayFull = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthAbbr   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthFull   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// asctimeOf formats as asctime does: "Thu Jan  1 00:00:00 1970".
func asctimeOf(bt brokenTime) string {
	return fmt.Sprintf("%s %s%3d %02d:%02d:%02d %d", weekdayAbbr[bt.wday%7], monthAbbr[bt.mon], bt.mday, bt.hour, bt.min, bt.sec, bt.year)
}

// strftimeC formats a struct tm as glibc's strftime does in the C
// locale. bt.mon is 0-based and bt.wday counts from Sunday here.
func strftimeC(format string, bt brokenTime) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		start := i
		i++
		// glibc's flags and field width.
		pad := byte(0)
		for i < len(format) && strings.IndexByte("-_0^#", format[i]) >= 0 {
			pad = format[i]
			i++
		}
		width := -1
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if width < 0 {
				width = 0
			}
			width = width*10 + int(format[i]-'0')
			i++
		}
		if i >= len(format) {
			b.WriteString(format[start:])
			break
		}
		num := func(n, digits int) string {
			w := digits
			if width >= 0 {
				w = width
			}
			switch pad {
			case '-':
				return fmt.Sprint(n)
			case '_':
				return fmt.Sprintf("%*d", w, n)
			}
			if n < 0 {
				return fmt.Sprintf("-%0*d", w-1, -n)
			}
			return fmt.Sprintf("%0*d", w, n)
		}
		text := func(s string) string {
			if pad == '^' {
				s = strings.ToUpper(s)
			}
			if width > len(s) {
				fill := " "
				if pad == '0' {
					fill = "0"
				}
				s = strings.Repeat(fill, width-len(s)) + s
			}
			return s
		}
		hour12 := bt.hour % 12
		if hour12 == 0 {
			hour12 = 12
		}
		wdayMon := (bt.wday + 6) % 7
		switch format[i] {
		case 'a':
			b.WriteString(text(weekdayAbbr[bt.wday%7]))
		case 'A':
			b.WriteString(text(weekdayFull[bt.wday%7]))
		case 'b', 'h':
			b.WriteString(text(monthAbbr[bt.mon%12]))
		case 'B':
			b.WriteString(text(monthFull[bt.mon%12]))
		case 'c':
			b.WriteString(text(strftimeC("%a %b %e %H:%M:%S %Y", bt)))
		case 'C':
			b.WriteString(num(floorDiv(bt.year, 100), 2))
		case 'd':
			b.WriteString(num(bt.mday, 2))
		case 'D':
			b.WriteString(text(strftimeC("%m/%d/%y", bt)))
		case 'e':
			if pad == 0 {
				pad = '_'
			}
			b.WriteString(num(bt.mday, 2))
		case 'F':
			b.WriteString(text(strftimeC("%Y-%m-%d", bt)))
		case 'G', 'g', 'V':
			y, w := isoWeek(bt)
			switch format[i] {
			case 'G':
				b.WriteString(num(y, 1))
			case 'g':
				b.WriteString(num(((y%100)+100)%100, 2))
			default:
				b.WriteString(num(w, 2))
			}
		case 'H':
			b.WriteString(num(bt.hour, 2))
		case 'I':
			b.WriteString(num(hour12, 2))
		case 'j':
			b.WriteString(num(bt.yday+1, 3))
		case 'k':
			if pad == 0 {
				pad = '_'
			}
			b.WriteString(num(bt.hour, 2))
		case 'l':
			if pad == 0 {
				pad = '_'
			}
			b.WriteString(num(hour12, 2))
		case 'm':
			b.WriteString(num(bt.mon+1, 2))
		case 'M':
			b.WriteString(num(bt.min, 2))
		case 'n':
			b.WriteByte('\n')
		case 'p':
			if bt.hour >= 12 {
				b.WriteString(text("PM"))
			} else {
				b.WriteString(text("AM"))
			}
		case 'P':
			if bt.hour >= 12 {
				b.WriteString("pm")
			} else {
				b.WriteString("am")
			}
		case 'r':
			b.WriteString(text(strftimeC("%I:%M:%S %p", bt)))
		case 'R':
			b.WriteString(text(strftimeC("%H:%M", bt)))
		case 's':
			tm := time.Date(bt.year, time.Month(bt.mon+1), bt.mday, bt.hour, bt.min, bt.sec, 0, time.Local)
			b.WriteString(num(int(tm.Unix()), 1))
		case 'S':
			b.WriteString(num(bt.sec, 2))
		case 't':
			b.WriteByte('\t')
		case 'T':
			b.WriteString(text(strftimeC("%H:%M:%S", bt)))
		case 'u':
			b.WriteString(num(wdayMon+1, 1))
		case 'U':
			b.WriteString(num((bt.yday+7-bt.wday)/7, 2))
		case 'w':
			b.WriteString(num(bt.wday, 1))
		case 'W':
			b.WriteString(num((bt.yday+7-wdayMon)/7, 2))
		case 'x':
			b.WriteString(text(strftimeC("%m/%d/%y", bt)))
		case 'X':
			b.WriteString(text(strftimeC("%H:%M:%S", bt)))
		case 'y':
			b.WriteString(num(((bt.year%100)+100)%100, 2))
		case 'Y':
			b.WriteString(num(bt.year, 1))
		case 'z':
			off := bt.gmtoff
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			b.WriteString(fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60))
		case 'Z':
			b.WriteString(text(bt.zone))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteString(format[start : i+1])
		}
	}
	return b.String()
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// isoWeek returns the ISO 8601 year and week of a struct tm.
func isoWeek(bt brokenTime) (int, int) {
	tm := time.Date(bt.year, time.Month(bt.mon+1), bt.mday, 12, 0, 0, 0, time.UTC)
	return tm.ISOWeek()
}

// localZone returns the zone name and UTC offset of a local time.
func localZone(bt brokenTime) (string, int) {
	tm := time.Date(bt.year, time.Month(bt.mon+1), bt.mday, bt.hour, bt.min, bt.sec, 0, time.Local)
	return tm.Zone()
}

func initTimeModule(t *Thread, m *Module) error {
	m.addType(timeStructSeq.typ)
	m.Set("_STRUCT_TM_ITEMS", Int(11))
	// The local zone's names and offsets, from January and July of this
	// year (as CPython's init_timezone does).
	year := time.Now().Year()
	jan := time.Date(year, 1, 1, 0, 0, 0, 0, time.Local)
	jul := time.Date(year, 7, 1, 0, 0, 0, 0, time.Local)
	janName, janOff := jan.Zone()
	julName, julOff := jul.Zone()
	stdName, stdOff, dstName, dstOff := janName, janOff, julName, julOff
	if janOff > julOff {
		// Southern hemisphere: summer time in January.
		stdName, stdOff, dstName, dstOff = julName, julOff, janName, janOff
	}
	m.Set("timezone", Int(int64(-stdOff)))
	m.Set("altzone", Int(int64(-dstOff)))
	daylight := int64(0)
	if janOff != julOff {
		daylight = 1
	}
	m.Set("daylight", Int(daylight))
	m.Set("tzname", Value{o: NewTuple(NewStrValue(stdName), NewStrValue(dstName))})
	for i, name := range []string{"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "", "", "CLOCK_BOOTTIME", "", "", "", "CLOCK_TAI"} {
		if name != "" {
			m.Set(name, Int(int64(i)))
		}
	}
	noArgFloat := func(name string, f func() float64) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return Float(f()), nil
		})
	}
	noArgInt := func(name string, f func() int64) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return Int(f()), nil
		})
	}
	now := func() float64 { return float64(time.Now().UnixNano()) / 1e9 }
	mono := func() float64 { return float64(monotonicNs()) / 1e9 }
	cpu := func() float64 { return time.Since(processStart).Seconds() }
	noArgFloat("time", now)
	noArgInt("time_ns", func() int64 { return time.Now().UnixNano() })
	noArgFloat("monotonic", mono)
	noArgInt("monotonic_ns", monotonicNs)
	noArgFloat("perf_counter", mono)
	noArgInt("perf_counter_ns", monotonicNs)
	noArgFloat("process_time", cpu)
	noArgInt("process_time_ns", func() int64 { return int64(time.Since(processStart)) })
	noArgFloat("thread_time", cpu)
	noArgInt("thread_time_ns", func() int64 { return int64(time.Since(processStart)) })
	m.AddFunc("clock_gettime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "clock_gettime", args, kw); err != nil {
			return Null, err
		}
		if args[0].IsSmallInt() && args[0].SmallInt() == 0 {
			return Float(now()), nil
		}
		return Float(mono()), nil
	})
	m.AddFunc("clock_gettime_ns", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "clock_gettime_ns", args, kw); err != nil {
			return Null, err
		}
		if args[0].IsSmallInt() && args[0].SmallInt() == 0 {
			return Int(time.Now().UnixNano()), nil
		}
		return Int(monotonicNs()), nil
	})
	m.AddFunc("clock_getres", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "clock_getres", args, kw); err != nil {
			return Null, err
		}
		return Float(1e-9), nil
	})
	m.AddFunc("tzset", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, noArgs(t, "tzset", args, kw)
	})
	m.AddFunc("sleep", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "sleep", args, kw); err != nil {
			return Null, err
		}
		var secs float64
		if f, ok := floatOf(args[0]); ok {
			secs = f
			if math.IsNaN(f) {
				return Null, t.valueErrorf("Invalid value NaN (not a number)")
			}
		} else {
			i, err := Index(t, args[0])
			if err != nil {
				return Null, err
			}
			if !i.IsSmallInt() {
				return Null, t.raise(OverflowErrorType, "timestamp too large to convert to C _PyTime_t")
			}
			secs = float64(i.SmallInt())
		}
		if secs < 0 {
			return Null, t.valueErrorf("sleep length must be non-negative")
		}
		if secs > 9.2e9 {
			return Null, t.raise(OverflowErrorType, "timestamp too large to convert to C _PyTime_t")
		}
		return None, t.sleep(time.Duration(secs * float64(time.Second)))
	})
	m.AddFunc("gmtime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "gmtime", args, kw, 0, 1); err != nil {
			return Null, err
		}
		var a Value
		if len(args) == 1 {
			a = args[0]
		}
		secs, err := timeSecondsArg(t, a)
		if err != nil {
			return Null, err
		}
		return structTimeOf(time.Unix(secs, 0).UTC()), nil
	})
	m.AddFunc("localtime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "localtime", args, kw, 0, 1); err != nil {
			return Null, err
		}
		var a Value
		if len(args) == 1 {
			a = args[0]
		}
		secs, err := timeSecondsArg(t, a)
		if err != nil {
			return Null, err
		}
		return structTimeOf(time.Unix(secs, 0).Local()), nil
	})
	m.AddFunc("mktime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "mktime", args, kw); err != nil {
			return Null, err
		}
		bt, err := timeTupleArg(t, args[0], "mktime")
		if err != nil {
			return Null, err
		}
		tm := time.Date(bt.year, time.Month(bt.mon), bt.mday, bt.hour, bt.min, bt.sec, 0, time.Local)
		return Float(float64(tm.Unix())), nil
	})
	toBroken := func(t *Thread, args []Value, fname string) (brokenTime, error) {
		tuple := Null
		if len(args) == 0 || args[0].IsNone() {
			tuple = structTimeOf(time.Now())
		} else {
			tuple = args[0]
		}
		bt, err := timeTupleArg(t, tuple, fname)
		if err != nil {
			return bt, err
		}
		// struct_time counts months from 1 and weekdays from Monday; C's
		// struct tm from 0 and from Sunday.
		bt.mon--
		bt.wday = (bt.wday + 1) % 7
		bt.yday--
		return bt, nil
	}
	m.AddFunc("asctime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "asctime", args, kw, 0, 1); err != nil {
			return Null, err
		}
		bt, err := toBroken(t, args, "asctime")
		if err != nil {
			return Null, err
		}
		if err := bt.check(t); err != nil {
			return Null, err
		}
		return NewStrValue(asctimeOf(bt)), nil
	})
	m.AddFunc("ctime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "ctime", args, kw, 0, 1); err != nil {
			return Null, err
		}
		var a Value
		if len(args) == 1 {
			a = args[0]
		}
		secs, err := timeSecondsArg(t, a)
		if err != nil {
			return Null, err
		}
		tm := time.Unix(secs, 0).Local()
		bt := brokenTime{year: tm.Year(), mon: int(tm.Month()) - 1, mday: tm.Day(), hour: tm.Hour(), min: tm.Minute(), sec: tm.Second(), wday: int(tm.Weekday())}
		return NewStrValue(asctimeOf(bt)), nil
	})
	m.AddFunc("strftime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "strftime", args, kw, 1, 2); err != nil {
			return Null, err
		}
		f, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("strftime() argument 1 must be str, not %s", typeName(args[0]))
		}
		var bt brokenTime
		var err error
		if len(args) == 1 {
			tm := time.Now()
			zone, off := tm.Zone()
			bt = brokenTime{year: tm.Year(), mon: int(tm.Month()) - 1, mday: tm.Day(), hour: tm.Hour(), min: tm.Minute(),
				sec: tm.Second(), wday: int(tm.Weekday()), yday: tm.YearDay() - 1, zone: zone, gmtoff: off, hasZone: true}
		} else {
			if bt, err = toBroken(t, args[1:], "strftime"); err != nil {
				return Null, err
			}
			// strftime's normalizations of a tuple's zero fields.
			if bt.mon == -1 {
				bt.mon = 0
			}
			if bt.mday == 0 {
				bt.mday = 1
			}
			if bt.yday == -1 {
				bt.yday = 0
			}
			if bt.isdst < -1 {
				bt.isdst = -1
			} else if bt.isdst > 1 {
				bt.isdst = 1
			}
			if err := bt.check(t); err != nil {
				return Null, err
			}
			if !bt.hasZone {
				bt.zone, bt.gmtoff = localZone(bt)
			}
		}
		return NewStrValue(strftimeC(f.s, bt)), nil
	})
	m.AddFunc("strptime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		mod, err := t.importModule("_strptime")
		if err != nil {
			return Null, err
		}
		fn, err := GetAttrString(t, mod, "_strptime_time")
		if err != nil {
			return Null, err
		}
		return t.Call(fn, args, kw)
	})
	m.AddFunc("get_clock_info", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "get_clock_info", args, kw); err != nil {
			return Null, err
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("get_clock_info() argument 1 must be str, not %s", typeName(args[0]))
		}
		d := NewDict()
		switch name.s {
		case "time":
			d.SetStr("implementation", NewStrValue("clock_gettime(CLOCK_REALTIME)"))
			d.SetStr("monotonic", False)
			d.SetStr("adjustable", True)
		case "monotonic", "perf_counter":
			d.SetStr("implementation", NewStrValue("clock_gettime(CLOCK_MONOTONIC)"))
			d.SetStr("monotonic", True)
			d.SetStr("adjustable", False)
		case "process_time":
			d.SetStr("implementation", NewStrValue("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"))
			d.SetStr("monotonic", True)
			d.SetStr("adjustable", False)
		case "thread_time":
			d.SetStr("implementation", NewStrValue("clock_gettime(CLOCK_THREAD_CPUTIME_ID)"))
			d.SetStr("monotonic", True)
			d.SetStr("adjustable", False)
		default:
			return Null, t.valueErrorf("unknown clock")
		}
		d.SetStr("resolution", Float(1e-09))
		return t.newSimpleNamespace(d)
	})
	return nil
}
