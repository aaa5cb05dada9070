# Classes with method calls and attribute access: a small operating-system task scheduler
# (idle, worker, handler and device tasks exchanging packets), in the spirit of Richards.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
WORK, DEVICE_PACKET = 0, 1


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.runs = 0

    def runnable(self):
        return not self.held and (self.queue is not None or not self.waiting)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
            p.link = None
        return p

    def receive(self, packet):
        self.queue = packet.append_to(self.queue)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None)
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.destination = HANDLER_A
        self.counter = 0

    def run(self, packet):
        if packet is None:
            return self.sched.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(4):
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            packet.data[i] = self.counter
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            w = self.work
            count = w.datum
            if count < 4:
                if self.devices is not None:
                    d = self.devices
                    self.devices = d.link
                    d.datum = w.data[count]
                    w.datum = count + 1
                    return self.sched.send(d)
            else:
                self.work = w.link
                return self.sched.send(w)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p, self.pending = self.pending, None
            return self.sched.send(p)
        self.pending = packet
        self.sched.hold_count += 1
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.hold_count = 0
        self.queue_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def schedule(self):
        while True:
            for t in self.order:
                if t.runnable():
                    break
            else:
                return
            self.current = t
            t.runs += 1
            packet = t.take_packet() if t.waiting or t.queue is not None else None
            t.waiting = False
            t.run(packet)

    def wait(self):
        self.current.waiting = True

    def hold_self(self):
        self.current.held = True

    def release(self, ident):
        self.tasks[ident].held = False

    def send(self, packet):
        target = self.tasks[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        target.receive(packet)


def run(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    wq = Packet(None, WORKER, WORK)
    wq = Packet(wq, WORKER, WORK)
    s.add(WorkerTask(s, WORKER, 1000, wq))
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        q = Packet(None, device, DEVICE_PACKET)
        q = Packet(q, device, DEVICE_PACKET)
        q = Packet(q, device, DEVICE_PACKET)
        s.add(HandlerTask(s, handler, 2000 + handler, q))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    s.schedule()
    return s.queue_count, s.hold_count, sorted((t.ident, t.runs) for t in s.order)


for count in (2000, 50000, 100000):
    print(count, run(count))
