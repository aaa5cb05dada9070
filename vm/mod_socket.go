package vm

import (
	"strings"
)

// The _socket, select and _posixsubprocess modules, enough for asyncio.
//
// The VM may not touch the network or start processes, so these modules
// are in-memory stand-ins written in Python (compiled from the sources
// below into the module's namespace when it is first imported). A
// socket here is a fake file number (from 1000 up, away from the real
// descriptors a program opens) naming an endpoint in a table;
// socketpair() connects two endpoints, so that send() on one queues bytes
// that recv() on the other takes, with CPython's errors for a closed,
// broken or empty non-blocking end. select.select knows those file
// numbers (a real descriptor counts as always ready, as a regular file
// is) and sleeps in real time until one is ready or the timeout passes,
// in short steps while other threads may write. That is what asyncio's
// selector event loop needs: its self-pipe is a socketpair and its timers
// are select's timeouts. Everything that would reach the network
// (connect, bind, getaddrinfo, ...) raises OSError saying it is not
// available; _posixsubprocess.fork_exec raises OSError likewise.
//
// select.epoll and select.poll wait the same way, so that
// selectors.DefaultSelector is EpollSelector, as in CPython on Linux.

const socketConstants = `AF_ALG=38 AF_APPLETALK=5 AF_ASH=18 AF_ATMPVC=8 AF_ATMSVC=20 AF_AX25=3 AF_BRIDGE=7 AF_CAN=29 AF_DECnet=12 AF_ECONET=19 AF_INET=2 AF_INET6=10 AF_IPX=4 AF_IRDA=23 AF_KEY=15 AF_LLC=26 AF_NETBEUI=13 AF_NETLINK=16 AF_NETROM=6 AF_PACKET=17 AF_PPPOX=24 AF_QIPCRTR=42 AF_RDS=21 AF_ROSE=11 AF_ROUTE=16 AF_SECURITY=14 AF_SNA=22 AF_TIPC=30 AF_UNIX=1 AF_UNSPEC=0 AF_VSOCK=40 AF_WANPIPE=25 AF_X25=9 AI_ADDRCONFIG=32 AI_ALL=16 AI_CANONNAME=2 AI_NUMERICHOST=4 AI_NUMERICSERV=1024 AI_PASSIVE=1 AI_V4MAPPED=8 ALG_OP_DECRYPT=0 ALG_OP_ENCRYPT=1 ALG_OP_SIGN=2 ALG_OP_VERIFY=3 ALG_SET_AEAD_ASSOCLEN=4 ALG_SET_AEAD_AUTHSIZE=5 ALG_SET_IV=2 ALG_SET_KEY=1 ALG_SET_OP=3 ALG_SET_PUBKEY=6 CAN_BCM=2 CAN_BCM_CAN_FD_FRAME=2048 CAN_BCM_RX_ANNOUNCE_RESUME=256 CAN_BCM_RX_CHANGED=12 CAN_BCM_RX_CHECK_DLC=64 CAN_BCM_RX_DELETE=6 CAN_BCM_RX_FILTER_ID=32 CAN_BCM_RX_NO_AUTOTIMER=128 CAN_BCM_RX_READ=7 CAN_BCM_RX_RTR_FRAME=1024 CAN_BCM_RX_SETUP=5 CAN_BCM_RX_STATUS=10 CAN_BCM_RX_TIMEOUT=11 CAN_BCM_SETTIMER=1 CAN_BCM_STARTTIMER=2 CAN_BCM_TX_ANNOUNCE=8 CAN_BCM_TX_COUNTEVT=4 CAN_BCM_TX_CP_CAN_ID=16 CAN_BCM_TX_DELETE=2 CAN_BCM_TX_EXPIRED=9 CAN_BCM_TX_READ=3 CAN_BCM_TX_RESET_MULTI_IDX=512 CAN_BCM_TX_SEND=4 CAN_BCM_TX_SETUP=1 CAN_BCM_TX_STATUS=8 CAN_EFF_FLAG=2147483648 CAN_EFF_MASK=536870911 CAN_ERR_FLAG=536870912 CAN_ERR_MASK=536870911 CAN_ISOTP=6 CAN_J1939=7 CAN_RAW=1 CAN_RAW_FD_FRAMES=5 CAN_RAW_FILTER=1 CAN_RAW_JOIN_FILTERS=6 CAN_RAW_LOOPBACK=3 CAN_RAW_RECV_OWN_MSGS=4 CAN_RTR_FLAG=1073741824 CAN_SFF_MASK=2047 EAI_ADDRFAMILY=-9 EAI_AGAIN=-3 EAI_BADFLAGS=-1 EAI_FAIL=-4 EAI_FAMILY=-6 EAI_MEMORY=-10 EAI_NODATA=-5 EAI_NONAME=-2 EAI_OVERFLOW=-12 EAI_SERVICE=-8 EAI_SOCKTYPE=-7 EAI_SYSTEM=-11 ETHERTYPE_ARP=2054 ETHERTYPE_IP=2048 ETHERTYPE_IPV6=34525 ETHERTYPE_VLAN=33024 ETH_P_ALL=3 INADDR_ALLHOSTS_GROUP=3758096385 INADDR_ANY=0 INADDR_BROADCAST=4294967295 INADDR_LOOPBACK=2130706433 INADDR_MAX_LOCAL_GROUP=3758096639 INADDR_NONE=4294967295 INADDR_UNSPEC_GROUP=3758096384 IOCTL_VM_SOCKETS_GET_LOCAL_CID=1977 IPPORT_RESERVED=1024 IPPORT_USERRESERVED=5000 IPPROTO_AH=51 IPPROTO_DSTOPTS=60 IPPROTO_EGP=8 IPPROTO_ESP=50 IPPROTO_FRAGMENT=44 IPPROTO_GRE=47 IPPROTO_HOPOPTS=0 IPPROTO_ICMP=1 IPPROTO_ICMPV6=58 IPPROTO_IDP=22 IPPROTO_IGMP=2 IPPROTO_IP=0 IPPROTO_IPIP=4 IPPROTO_IPV6=41 IPPROTO_MPTCP=262 IPPROTO_NONE=59 IPPROTO_PIM=103 IPPROTO_PUP=12 IPPROTO_RAW=255 IPPROTO_ROUTING=43 IPPROTO_RSVP=46 IPPROTO_SCTP=132 IPPROTO_TCP=6 IPPROTO_TP=29 IPPROTO_UDP=17 IPPROTO_UDPLITE=136 IPV6_CHECKSUM=7 IPV6_DONTFRAG=62 IPV6_DSTOPTS=59 IPV6_HOPLIMIT=52 IPV6_HOPOPTS=54 IPV6_JOIN_GROUP=20 IPV6_LEAVE_GROUP=21 IPV6_MULTICAST_HOPS=18 IPV6_MULTICAST_IF=17 IPV6_MULTICAST_LOOP=19 IPV6_NEXTHOP=9 IPV6_PATHMTU=61 IPV6_PKTINFO=50 IPV6_RECVDSTOPTS=58 IPV6_RECVHOPLIMIT=51 IPV6_RECVHOPOPTS=53 IPV6_RECVPATHMTU=60 IPV6_RECVPKTINFO=49 IPV6_RECVRTHDR=56 IPV6_RECVTCLASS=66 IPV6_RTHDR=57 IPV6_RTHDRDSTOPTS=55 IPV6_RTHDR_TYPE_0=0 IPV6_TCLASS=67 IPV6_UNICAST_HOPS=16 IPV6_V6ONLY=26 IP_ADD_MEMBERSHIP=35 IP_ADD_SOURCE_MEMBERSHIP=39 IP_BIND_ADDRESS_NO_PORT=24 IP_BLOCK_SOURCE=38 IP_DEFAULT_MULTICAST_LOOP=1 IP_DEFAULT_MULTICAST_TTL=1 IP_DROP_MEMBERSHIP=36 IP_DROP_SOURCE_MEMBERSHIP=40 IP_HDRINCL=3 IP_MAX_MEMBERSHIPS=20 IP_MULTICAST_IF=32 IP_MULTICAST_LOOP=34 IP_MULTICAST_TTL=33 IP_OPTIONS=4 IP_PKTINFO=8 IP_RECVOPTS=6 IP_RECVRETOPTS=7 IP_RECVTOS=13 IP_RETOPTS=7 IP_TOS=1 IP_TRANSPARENT=19 IP_TTL=2 IP_UNBLOCK_SOURCE=37 J1939_EE_INFO_NONE=0 J1939_EE_INFO_TX_ABORT=1 J1939_FILTER_MAX=512 J1939_IDLE_ADDR=254 J1939_MAX_UNICAST_ADDR=253 J1939_NLA_BYTES_ACKED=1 J1939_NLA_PAD=0 J1939_NO_ADDR=255 J1939_NO_NAME=0 J1939_NO_PGN=262144 J1939_PGN_ADDRESS_CLAIMED=60928 J1939_PGN_ADDRESS_COMMANDED=65240 J1939_PGN_MAX=262143 J1939_PGN_PDU1_MAX=261888 J1939_PGN_REQUEST=59904 MSG_CMSG_CLOEXEC=1073741824 MSG_CONFIRM=2048 MSG_CTRUNC=8 MSG_DONTROUTE=4 MSG_DONTWAIT=64 MSG_EOR=128 MSG_ERRQUEUE=8192 MSG_FASTOPEN=536870912 MSG_MORE=32768 MSG_NOSIGNAL=16384 MSG_OOB=1 MSG_PEEK=2 MSG_TRUNC=32 MSG_WAITALL=256 NETLINK_CRYPTO=21 NETLINK_DNRTMSG=14 NETLINK_FIREWALL=3 NETLINK_IP6_FW=13 NETLINK_NFLOG=5 NETLINK_ROUTE=0 NETLINK_USERSOCK=2 NETLINK_XFRM=6 NI_DGRAM=16 NI_IDN=32 NI_MAXHOST=1025 NI_MAXSERV=32 NI_NAMEREQD=8 NI_NOFQDN=4 NI_NUMERICHOST=1 NI_NUMERICSERV=2 PACKET_BROADCAST=1 PACKET_FASTROUTE=6 PACKET_HOST=0 PACKET_LOOPBACK=5 PACKET_MULTICAST=2 PACKET_OTHERHOST=3 PACKET_OUTGOING=4 PF_CAN=29 PF_PACKET=17 PF_RDS=21 SCM_CREDENTIALS=2 SCM_J1939_DEST_ADDR=1 SCM_J1939_DEST_NAME=2 SCM_J1939_ERRQUEUE=4 SCM_J1939_PRIO=3 SCM_RIGHTS=1 SHUT_RD=0 SHUT_RDWR=2 SHUT_WR=1 SOCK_CLOEXEC=524288 SOCK_DGRAM=2 SOCK_NONBLOCK=2048 SOCK_RAW=3 SOCK_RDM=4 SOCK_SEQPACKET=5 SOCK_STREAM=1 SOL_ALG=279 SOL_CAN_BASE=100 SOL_CAN_RAW=101 SOL_IP=0 SOL_RDS=276 SOL_SOCKET=1 SOL_TCP=6 SOL_TIPC=271 SOL_UDP=17 SOMAXCONN=4096 SO_ACCEPTCONN=30 SO_BINDTODEVICE=25 SO_BINDTOIFINDEX=62 SO_BROADCAST=6 SO_DEBUG=1 SO_DOMAIN=39 SO_DONTROUTE=5 SO_ERROR=4 SO_INCOMING_CPU=49 SO_J1939_ERRQUEUE=4 SO_J1939_FILTER=1 SO_J1939_PROMISC=2 SO_J1939_SEND_PRIO=3 SO_KEEPALIVE=9 SO_LINGER=13 SO_MARK=36 SO_OOBINLINE=10 SO_PASSCRED=16 SO_PASSSEC=34 SO_PEERCRED=17 SO_PEERSEC=31 SO_PRIORITY=12 SO_PROTOCOL=38 SO_RCVBUF=8 SO_RCVLOWAT=18 SO_RCVTIMEO=20 SO_REUSEADDR=2 SO_REUSEPORT=15 SO_SNDBUF=7 SO_SNDLOWAT=19 SO_SNDTIMEO=21 SO_TYPE=3 SO_VM_SOCKETS_BUFFER_MAX_SIZE=2 SO_VM_SOCKETS_BUFFER_MIN_SIZE=1 SO_VM_SOCKETS_BUFFER_SIZE=0 TCP_CC_INFO=26 TCP_CONGESTION=13 TCP_CORK=3 TCP_DEFER_ACCEPT=9 TCP_FASTOPEN=23 TCP_FASTOPEN_CONNECT=30 TCP_FASTOPEN_KEY=33 TCP_FASTOPEN_NO_COOKIE=34 TCP_INFO=11 TCP_INQ=36 TCP_KEEPCNT=6 TCP_KEEPIDLE=4 TCP_KEEPINTVL=5 TCP_LINGER2=8 TCP_MAXSEG=2 TCP_MD5SIG=14 TCP_MD5SIG_EXT=32 TCP_NODELAY=1 TCP_NOTSENT_LOWAT=25 TCP_QUEUE_SEQ=21 TCP_QUICKACK=12 TCP_REPAIR=19 TCP_REPAIR_OPTIONS=22 TCP_REPAIR_QUEUE=20 TCP_REPAIR_WINDOW=29 TCP_SAVED_SYN=28 TCP_SAVE_SYN=27 TCP_SYNCNT=7 TCP_THIN_DUPACK=17 TCP_THIN_LINEAR_TIMEOUTS=16 TCP_TIMESTAMP=24 TCP_TX_DELAY=37 TCP_ULP=31 TCP_USER_TIMEOUT=18 TCP_WINDOW_CLAMP=10 TCP_ZEROCOPY_RECEIVE=35 TIPC_ADDR_ID=3 TIPC_ADDR_NAME=2 TIPC_ADDR_NAMESEQ=1 TIPC_CFG_SRV=0 TIPC_CLUSTER_SCOPE=2 TIPC_CONN_TIMEOUT=130 TIPC_CRITICAL_IMPORTANCE=3 TIPC_DEST_DROPPABLE=129 TIPC_HIGH_IMPORTANCE=2 TIPC_IMPORTANCE=127 TIPC_LOW_IMPORTANCE=0 TIPC_MEDIUM_IMPORTANCE=1 TIPC_NODE_SCOPE=3 TIPC_PUBLISHED=1 TIPC_SRC_DROPPABLE=128 TIPC_SUBSCR_TIMEOUT=3 TIPC_SUB_CANCEL=4 TIPC_SUB_PORTS=1 TIPC_SUB_SERVICE=2 TIPC_TOP_SRV=1 TIPC_WAIT_FOREVER=-1 TIPC_WITHDRAWN=2 TIPC_ZONE_SCOPE=1 UDPLITE_RECV_CSCOV=11 UDPLITE_SEND_CSCOV=10 VMADDR_CID_ANY=4294967295 VMADDR_CID_HOST=2 VMADDR_PORT_ANY=4294967295 VM_SOCKETS_INVALID_VERSION=4294967295`
const selectConstants = `EPOLLERR=8 EPOLLET=2147483648 EPOLLEXCLUSIVE=268435456 EPOLLHUP=16 EPOLLIN=1 EPOLLMSG=1024 EPOLLONESHOT=1073741824 EPOLLOUT=4 EPOLLPRI=2 EPOLLRDBAND=128 EPOLLRDHUP=8192 EPOLLRDNORM=64 EPOLLWRBAND=512 EPOLLWRNORM=256 EPOLL_CLOEXEC=524288 PIPE_BUF=4096 POLLERR=8 POLLHUP=16 POLLIN=1 POLLMSG=1024 POLLNVAL=32 POLLOUT=4 POLLPRI=2 POLLRDBAND=128 POLLRDHUP=8192 POLLRDNORM=64 POLLWRBAND=512 POLLWRNORM=256`

func init() {
	RegisterModule("_socket", func(t *Thread, m *Module) error {
		return execModuleSource(t, m, constantLines(socketConstants)+socketSource)
	})
	RegisterModule("select", func(t *Thread, m *Module) error {
		return execModuleSource(t, m, constantLines(selectConstants)+selectSource)
	})
	RegisterModule("_posixsubprocess", func(t *Thread, m *Module) error {
		return execModuleSource(t, m, posixSubprocessSource)
	})
}

// constantLines turns "A=1 B=2" into Python assignments.
func constantLines(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return b.String()
}

// execModuleSource runs Python source in a native module's namespace.
func execModuleSource(t *Thread, m *Module, src string) error {
	co, err := t.compileString([]byte(src), true, "<"+m.name()+">", "exec", 0)
	if err != nil {
		return err
	}
	if _, err = t.RunCode(co, m.dict, Value{o: m.dict}); err != nil {
		return err
	}
	// The module's public functions become builtin functions, as they
	// are in CPython: a builtin does not bind as a method when stored in
	// a class (selectors' SelectSelector._select = select.select).
	var names []string
	m.dict.Items(func(k, v Value) bool {
		ks, ok := k.o.(*Str)
		if _, isFn := v.o.(*Function); ok && isFn && !strings.HasPrefix(ks.s, "_") {
			names = append(names, ks.s)
		}
		return true
	})
	for _, name := range names {
		fn, _ := m.dict.GetStr(name)
		b := NewBuiltin(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return t.Call(fn, args, kw)
		})
		b.module = m.name()
		if d, ok := fn.o.(*Function); ok {
			if ds, ok := d.doc.o.(*Str); ok {
				b.doc = ds.s
			}
		}
		m.dict.SetStr(name, Value{o: b})
	}
	return nil
}

// socketSource is the Python body of the _socket module (after its
// integer constants).
const socketSource = `
from errno import EAGAIN as _EAGAIN, EBADF as _EBADF, EPIPE as _EPIPE, ENOTCONN as _ENOTCONN
from time import sleep as _sleep, monotonic as _monotonic
from operator import index as _index
import _thread

error = OSError
timeout = TimeoutError

class herror(OSError):
    pass

class gaierror(OSError):
    pass

herror.__module__ = gaierror.__module__ = 'socket'
has_ipv6 = True
_defaulttimeout = None
_NONET = "network access is not available in peephole's VM"


def _timeout_arg(value):
    if value is None:
        return None
    if type(value) is not float:
        if isinstance(value, float):
            value = float(value)
        else:
            value = float(_index(value))
    if value < 0:
        raise ValueError('Timeout value out of range')
    return value


def getdefaulttimeout():
    """getdefaulttimeout() -> timeout

Returns the default timeout in seconds (float) for new socket objects.
A value of None indicates that new socket objects have no timeout.
When the socket module is first imported, the default is None."""
    return _defaulttimeout


def setdefaulttimeout(timeout, /):
    """setdefaulttimeout(timeout)

Set the default timeout in seconds (float) for new socket objects.
A value of None indicates that new socket objects have no timeout.
When the socket module is first imported, the default is None."""
    global _defaulttimeout
    _defaulttimeout = _timeout_arg(timeout)


class _Endpoint:
    __slots__ = ('buf', 'peer', 'closed', 'family', 'type', 'proto')

    def __init__(self, family, type, proto):
        self.buf = bytearray()
        self.peer = None
        self.closed = False
        self.family = family
        self.type = type
        self.proto = proto


_endpoints = {}
_nextfd = 1000


def _newfd(ep):
    global _nextfd
    fd = _nextfd
    _nextfd += 1
    _endpoints[fd] = ep
    return fd


def _reservefd():
    global _nextfd
    _nextfd += 1
    return _nextfd - 1


def _readable(fd):
    ep = _endpoints.get(fd)
    if ep is None:
        return True
    return bool(ep.buf) or ep.peer is None or ep.peer.closed


def _ebadf():
    return OSError(_EBADF, 'Bad file descriptor')


def _no_network(*args, **kwargs):
    raise OSError(_NONET)


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object
socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object

Open a socket of the given type.  The family argument specifies the
address family; it defaults to AF_INET.  The type argument specifies
whether this is a stream (SOCK_STREAM, this is the default)
or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,
specifying the default protocol.  Keyword arguments are accepted.
The socket is created as non-inheritable.

When a fileno is passed in, family, type and proto are auto-detected,
unless they are explicitly set.

A socket object represents one endpoint of a network connection."""

    __slots__ = ('_fd', '_family', '_type', '_proto', '_timeout')

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
            fd = _newfd(_Endpoint(family, type, proto))
        else:
            fd = _index(fileno)
            if fd < 0:
                raise ValueError('negative file descriptor')
            ep = _endpoints.get(fd)
            if ep is None:
                raise _ebadf()
            family = ep.family if family == -1 else family
            type = ep.type if type == -1 else type
            proto = ep.proto if proto == -1 else proto
        self._fd = fd
        self._family = family
        self._type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = proto
        self._timeout = 0.0 if type & SOCK_NONBLOCK else _defaulttimeout

    family = property(lambda self: self._family, doc='the socket family')
    type = property(lambda self: self._type, doc='the socket type')
    proto = property(lambda self: self._proto, doc='the socket protocol')
    timeout = property(lambda self: self._timeout, doc='the socket timeout')

    def __repr__(self):
        return '<socket object, fd=%d, family=%d, type=%d, proto=%d>' % (
            self._fd, self._family, self._type, self._proto)

    def _ep(self):
        ep = _endpoints.get(self._fd)
        if ep is None or ep.closed:
            raise _ebadf()
        return ep

    def fileno(self):
        return self._fd

    def close(self):
        ep = _endpoints.pop(self._fd, None)
        if ep is not None:
            ep.closed = True
        self._fd = -1

    def detach(self):
        fd = self._fd
        self._fd = -1
        return fd

    def setblocking(self, flag, /):
        self._ep()
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value, /):
        self._ep()
        self._timeout = _timeout_arg(value)

    def gettimeout(self):
        return self._timeout

    def send(self, data, flags=0, /):
        ep = self._ep()
        data = memoryview(data).tobytes()
        if ep.peer is None:
            raise OSError(_ENOTCONN, 'Transport endpoint is not connected')
        if ep.peer.closed:
            raise BrokenPipeError(_EPIPE, 'Broken pipe')
        ep.peer.buf += data
        return len(data)

    def sendall(self, data, flags=0, /):
        self.send(data, flags)

    def _wait(self, ep):
        deadline = None if self._timeout is None else _monotonic() + self._timeout
        while not (ep.buf or ep.peer is None or ep.peer.closed):
            if self._timeout == 0.0:
                raise BlockingIOError(_EAGAIN, 'Resource temporarily unavailable')
            if deadline is not None and _monotonic() >= deadline:
                raise TimeoutError('timed out')
            _sleep(0.001)

    def recv(self, bufsize, flags=0, /):
        ep = self._ep()
        bufsize = _index(bufsize)
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        if ep.peer is None:
            raise OSError(_ENOTCONN, 'Transport endpoint is not connected')
        self._wait(ep)
        data = bytes(ep.buf[:bufsize])
        del ep.buf[:bufsize]
        return data

    def recv_into(self, buffer, nbytes=0, flags=0, /):
        view = memoryview(buffer).cast('B')
        data = self.recv(nbytes or len(view), flags)
        view[:len(data)] = data
        return len(data)

    def getsockname(self):
        self._ep()
        if self._family == AF_UNIX:
            return ''
        if self._family == AF_INET6:
            return ('::', 0, 0, 0)
        return ('0.0.0.0', 0)

    def getpeername(self):
        ep = self._ep()
        if ep.peer is None:
            raise OSError(_ENOTCONN, 'Transport endpoint is not connected')
        return ''

    def shutdown(self, how, /):
        self._ep()

    def setsockopt(self, *args):
        self._ep()

    def getsockopt(self, level, optname, buflen=None, /):
        self._ep()
        return 0 if buflen is None else bytes(buflen)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    connect = connect_ex = bind = listen = accept = _accept = _no_network
    sendto = recvfrom = recvfrom_into = _no_network


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0, /):
    """socketpair([family[, type [, proto]]]) -> (socket object, socket object)

Create a pair of socket objects from the sockets returned by the platform
socketpair() function.
The arguments are the same as for socket() except the default family is
AF_UNIX if defined on the platform; otherwise, the default is AF_INET."""
    a = _Endpoint(family, type, proto)
    b = _Endpoint(family, type, proto)
    a.peer, b.peer = b, a
    return socket(family, type, proto, _newfd(a)), socket(family, type, proto, _newfd(b))


def close(fd, /):
    ep = _endpoints.pop(_index(fd), None)
    if ep is not None:
        ep.closed = True


def dup(fd, /):
    raise OSError(_NONET)


def gethostname():
    import posix
    return posix.uname().nodename


def htons(x, /):
    x = _index(x)
    if not 0 <= x <= 0xffff:
        raise OverflowError('htons: Python int too large to convert to C 16-bit unsigned integer')
    return ((x & 0xff) << 8) | (x >> 8)


def htonl(x, /):
    x = _index(x)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xffffffff:
        raise OverflowError('int larger than 32 bits')
    return int.from_bytes(x.to_bytes(4, 'little'), 'big')


ntohs = htons
ntohl = htonl


def inet_aton(string, /):
    parts = string.split('.')
    try:
        nums = [int(p, 0) for p in parts]
        if len(nums) == 4 and all(0 <= n <= 255 for n in nums):
            return bytes(nums)
    except ValueError:
        pass
    raise OSError('illegal IP address string passed to inet_aton')


def inet_ntoa(packed_ip, /):
    b = bytes(packed_ip)
    if len(b) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return '%d.%d.%d.%d' % tuple(b)


getaddrinfo = getnameinfo = gethostbyname = gethostbyname_ex = _no_network
gethostbyaddr = getservbyname = getservbyport = getprotobyname = _no_network
sethostname = inet_pton = inet_ntop = _no_network
if_nameindex = if_nametoindex = if_indextoname = _no_network
del _thread
`

// selectSource is the Python body of the select module (after its
// integer constants).
const selectSource = `
from time import sleep as _sleep, monotonic as _monotonic
import _socket
import _thread

error = OSError


def _fd(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError('file descriptor cannot be a negative integer (%d)' % fd)
    return fd


def select(rlist, wlist, xlist, timeout=None, /):
    """Wait until one or more file descriptors are ready for some kind of I/O.

The first three arguments are iterables of file descriptors to be waited for:
rlist -- wait until ready for reading
wlist -- wait until ready for writing
xlist -- wait for an "exceptional condition"
If only one kind of condition is required, pass [] for the other lists.

A file descriptor is either a socket or file object, or a small integer
gotten from a fileno() method call on one of those.

The optional 4th argument specifies a timeout in seconds; it may be
a floating-point number to specify fractions of seconds.  If it is absent
or None, the call will never time out.

The return value is a tuple of three lists corresponding to the first three
arguments; each contains the subset of the corresponding file descriptors
that are ready.

*** IMPORTANT NOTICE ***
On Windows, only sockets are supported; on Unix, all file
descriptors can be used."""
    if timeout is not None:
        try:
            timeout = float(timeout)
        except (TypeError, ValueError):
            raise TypeError('timeout must be a float or None') from None
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
    rlist = [(o, _fd(o)) for o in rlist]
    wlist = [(o, _fd(o)) for o in wlist]
    xlist = [(o, _fd(o)) for o in xlist]
    def ready():
        r = [o for o, fd in rlist if _socket._readable(fd)]
        w = [o for o, fd in wlist]
        return (r, w, []) if r or w else None
    return _wait(ready, timeout) or ([], [], [])


def _wait(ready, timeout):
    # Calls ready() until it returns something true or the timeout (in
    # seconds; None for none) passes, sleeping in real time meanwhile.
    deadline = None if timeout is None else _monotonic() + timeout
    while True:
        r = ready()
        if r:
            return r
        threads = _thread._count() > 0
        if deadline is None:
            _sleep(0.001 if threads else 0.05)
            continue
        left = deadline - _monotonic()
        if left <= 0:
            return r
        _sleep(min(left, 0.001) if threads else left)


def _events(fd, mask, rd, wr):
    ev = 0
    if _socket._readable(fd):
        ev |= mask & rd
    ev |= mask & wr
    return ev


class epoll:
    """select.epoll(sizehint=-1, flags=0)

Returns an epolling object

  sizehint
    The expected number of events to be registered.  It must be positive,
    or -1 to use the default.  It is only used on older systems where
    epoll_create() requires a positive size.

  flags
    Deprecated and completely ignored.  However, when supplied, its value
    must be 0 or select.EPOLL_CLOEXEC, otherwise OSError is raised."""

    def __init__(self, sizehint=-1, flags=0):
        self._fd = _socket._reservefd()
        self._fds = {}

    def _check(self):
        if self._fd < 0:
            raise ValueError('I/O operation on closed epoll object')

    closed = property(lambda self: self._fd < 0, doc='True if the epoll handler is closed')

    def fileno(self):
        self._check()
        return self._fd

    def close(self):
        self._fd = -1

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check()
        fd = _fd(fd)
        if fd in self._fds:
            raise FileExistsError(17, 'File exists')
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask):
        self._check()
        fd = _fd(fd)
        if fd not in self._fds:
            raise OSError(9, 'Bad file descriptor')
        self._fds[fd] = eventmask

    def unregister(self, fd):
        self._check()
        fd = _fd(fd)
        if fd not in self._fds:
            raise OSError(9, 'Bad file descriptor')
        del self._fds[fd]

    def poll(self, timeout=None, maxevents=-1):
        self._check()
        if timeout is not None:
            try:
                timeout = float(timeout)
            except (TypeError, ValueError):
                raise TypeError('timeout must be an integer or None') from None
            if timeout < 0:
                timeout = None
        if maxevents == 0 or maxevents < -1:
            raise ValueError('maxevents must be greater than 0, got %d' % maxevents)
        def ready():
            out = []
            for fd, mask in self._fds.items():
                ev = _events(fd, mask, EPOLLIN, EPOLLOUT)
                if ev:
                    out.append((fd, ev))
            return out[:maxevents] if maxevents > 0 else out
        return _wait(ready, timeout)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class _Poll:
    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._fds[_fd(fd)] = eventmask

    def modify(self, fd, eventmask, /):
        fd = _fd(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, 'No such file or directory')
        self._fds[fd] = eventmask

    def unregister(self, fd, /):
        del self._fds[_fd(fd)]

    def poll(self, timeout=None, /):
        if timeout is not None:
            try:
                timeout = float(timeout)
            except (TypeError, ValueError):
                raise TypeError('timeout must be an integer or None') from None
            timeout = None if timeout < 0 else timeout / 1000
        def ready():
            out = []
            for fd, mask in self._fds.items():
                ev = _events(fd, mask, POLLIN, POLLOUT)
                if ev:
                    out.append((fd, ev))
            return out
        return _wait(ready, timeout)


_Poll.__name__ = _Poll.__qualname__ = 'poll'


def poll():
    """Returns a polling object.

This object supports registering and unregistering file descriptors, and then
polling them for I/O events."""
    return _Poll()
`

// posixSubprocessSource is the _posixsubprocess module.
const posixSubprocessSource = `
def fork_exec(*args):
    """Spawn a fresh new child process (not available in peephole's VM)."""
    raise OSError("subprocesses are not available in peephole's VM")
`
