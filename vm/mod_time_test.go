package vm_test

import "testing"

// TestTimeModule checks the time module: struct_time, gmtime, localtime,
// mktime, asctime, ctime, strftime with glibc's directives, errors.
func TestTimeModule(t *testing.T) {
	checkProgram(t, `
import time
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.gmtime(0))
print(time.localtime(86400 * 365.5))
print(time.asctime(time.gmtime(0)), time.ctime(0))
fmt = '%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %Z %z %p %I %c %x %X %% %e %D %T %F %R %G %V %u %C %-d %_m %^a %5Y'
print(time.strftime(fmt, time.gmtime(1e9)))
print(time.strftime(fmt, time.localtime(1234567890)))
print(time.strftime(fmt, (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.mktime(time.localtime(1e9)))
show(lambda: time.gmtime('a'))
show(lambda: time.sleep(-1))
show(lambda: time.sleep('a'))
show(lambda: time.strftime(1))
show(lambda: time.strftime('%Y', (1, 2)))
show(lambda: time.localtime(1e20))
show(lambda: time.asctime((2024, 13, 1, 0, 0, 0, 0, 0, 0)))
show(lambda: time.strftime('%Y', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.gmtime(None)[0] > 2000, time.time() > 1e9, time.monotonic() > 0, time.perf_counter_ns() > 0)
t0 = time.perf_counter(); time.sleep(0.01); print(time.perf_counter() - t0 >= 0.01)
st = time.gmtime(5)
print(st.tm_zone, st.tm_gmtoff, st[:3], len(st), type(st).__name__)
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)))
`)
}
