match x:
    case 2j + 1j:
        pass
