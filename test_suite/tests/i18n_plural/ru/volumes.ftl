Pending =
    { $count ->
        [one] { $count } том ожидает
        [few] { $count } тома ожидают
        [many] { $count } томов ожидают
       *[other] { $count } тома ожидают
    }
    .explanation = Тома ждут узел, где для них есть место.
Phase = Том { $phase }
