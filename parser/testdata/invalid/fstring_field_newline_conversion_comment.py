f"{
x!z# type: int