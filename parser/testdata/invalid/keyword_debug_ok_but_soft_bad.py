match x:
    case _ as match:
        pass
    case case():
        pass
    case {1: _, **_}:
        pass
