# needs: stdlib
# heapq (the _heapq module): an event scheduler, merges, top-k, the max-heap helpers, comparisons counted, errors
import heapq, random

class Event:
    compared = 0
    def __init__(self, time, name): self.time, self.name = time, name
    def __lt__(self, other):
        Event.compared += 1
        return (self.time, self.name) < (other.time, other.name)
    def __repr__(self): return f'{self.name}@{self.time}'

random.seed(2024)
queue = []
for i in range(40):
    heapq.heappush(queue, Event(random.randrange(100), f'e{i}'))
print(queue[:5], Event.compared)
order = [heapq.heappop(queue) for _ in range(10)]
print(order, Event.compared, len(queue))
print(heapq.heappushpop(queue, Event(0, 'now')), heapq.heapreplace(queue, Event(99, 'late')), queue[0])
nums = [random.randrange(1000) for _ in range(3000)]
h = list(nums); heapq.heapify(h)
print(h[:10], [heapq.heappop(h) for _ in range(5)])
print(heapq.nsmallest(5, nums), heapq.nlargest(5, nums), heapq.nlargest(3, nums, key=lambda n: -n))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 11])), list(heapq.merge(['b', 'a'], ['c'], key=str.upper)))
m = [5, 1, 8, 3, 9, 2]; heapq._heapify_max(m); print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
for f, args in [(heapq.heappop, ([],)), (heapq.heappush, ((), 1)), (heapq.heapify, ({},)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ([1],))]:
    try:
        f(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    heapq.heappush([1, 2], 'x')
except TypeError as e:
    print(e)
