"""A small inventory program, written the way people write Python."""
from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Protocol, TypeVar, overload

T = TypeVar("T")


class Category(enum.Enum):
    FOOD = "food"
    TOOL = "tool"
    TOY = enum.auto()


class Priced(Protocol):
    def price(self) -> float: ...


@dataclasses.dataclass(order=True, slots=True)
class Item:
    name: str
    quantity: int = 0
    unit_price: float = 0.0
    category: Category = Category.TOOL
    tags: list[str] = dataclasses.field(default_factory=list)
    registry: ClassVar[dict[str, Item]] = {}

    def __post_init__(self) -> None:
        if self.quantity < 0:
            raise ValueError(f"negative quantity for {self.name!r}: {self.quantity}")
        Item.registry[self.name] = self

    def price(self) -> float:
        return round(self.quantity * self.unit_price, 2)

    @property
    def label(self) -> str:
        return f"{self.name:<20}|{self.quantity:>5}|{self.unit_price:8.2f}"


class Inventory[K, V: Item]:
    def __init__(self, items: Iterable[V] = ()) -> None:
        self._items: dict[str, V] = {item.name: item for item in items}

    def __iter__(self) -> Iterator[V]:
        yield from sorted(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def get(self, name: str) -> V | None: ...
    @overload
    def get(self, name: str, default: T) -> V | T: ...
    def get(self, name, default=None):
        return self._items.get(name, default)

    def total(self, *, category: Category | None = None) -> float:
        return sum(
            item.price()
            for item in self
            if category is None or item.category is category
        )

    def restock(self, name: str, amount: int = 1, /) -> int:
        match self.get(name):
            case None:
                raise KeyError(name)
            case Item(quantity=q) as item if q + amount > 1000:
                item.quantity = 1000
            case Item() as item:
                item.quantity += amount
        return self._items[name].quantity

    def to_json(self, **options: Any) -> str:
        return json.dumps(
            [dataclasses.asdict(i) | {"category": i.category.value} for i in self],
            **options,
        )


def summarize(inv: Inventory[str, Item]) -> Iterator[str]:
    by_category: dict[Category, list[Item]] = {}
    for item in inv:
        by_category.setdefault(item.category, []).append(item)
    for category, items in sorted(by_category.items(), key=lambda kv: kv[0].name):
        yield f"== {category.name} ({len(items)} items) =="
        yield from (item.label for item in items)
        yield f"   total: {sum(i.price() for i in items):.2f}"


def main(argv: list[str] | None = None) -> int:
    inv = Inventory([
        Item("apple", 10, 0.5, Category.FOOD, ["fruit"]),
        Item("hammer", 2, 12.99),
        Item("yo-yo", 5, 1.25, Category.TOY),
    ])
    try:
        inv.restock("apple", 5)
        inv.restock("missing")
    except KeyError as exc:
        print("no such item:", *exc.args)
    else:
        print("unreachable")
    finally:
        print(*summarize(inv), sep="\n")
    while (n := len(inv)) > 3:
        break
    return 0 if n else 1


if __name__ == "__main__":
    raise SystemExit(main())
