# Processing nested records: grouping, aggregating, flattening, lookups.
orders = [
    {"id": 1, "customer": "ann", "items": [{"sku": "A1", "qty": 2, "price": 3.5}, {"sku": "B2", "qty": 1, "price": 10.0}]},
    {"id": 2, "customer": "bob", "items": [{"sku": "A1", "qty": 5, "price": 3.5}]},
    {"id": 3, "customer": "ann", "items": []},
    {"id": 4, "customer": "cy", "items": [{"sku": "C3", "qty": 1, "price": 99.99}, {"sku": "A1", "qty": 1, "price": 3.25}]},
]
totals = {}
for o in orders:
    t = sum(i["qty"] * i["price"] for i in o["items"])
    totals[o["customer"]] = totals.get(o["customer"], 0) + t
    print(o["id"], o["customer"], len(o["items"]), round(t, 2))
print(totals, max(totals, key=totals.get))
by_sku = {}
for o in orders:
    for i in o["items"]:
        entry = by_sku.setdefault(i["sku"], {"qty": 0, "orders": []})
        entry["qty"] += i["qty"]
        entry["orders"].append(o["id"])
print(by_sku)
flat = [(o["id"], i["sku"]) for o in orders for i in o["items"]]
print(flat, sorted(set(s for _, s in flat)))
tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1", "children": []}]},
                                     {"name": "b", "children": []}]}


def walk(node, depth=0):
    print("  " * depth + node["name"])
    for c in node["children"]:
        walk(c, depth + 1)


walk(tree)


def depth(node):
    return 1 + max((depth(c) for c in node["children"]), default=0)


print(depth(tree))
empty = [o for o in orders if not o["items"]]
print(empty, any(o["customer"] == "bob" for o in orders), all(o["id"] > 0 for o in orders))
index = {o["id"]: o for o in orders}
print(index[4]["items"][0]["sku"], index.get(9, {}).get("customer", "?"))
matrix = [[o["id"], len(o["items"])] for o in orders]
print(matrix, list(map(list, zip(*matrix))))
