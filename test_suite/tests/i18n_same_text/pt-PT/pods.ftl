Count =
    { $count ->
        [one] one pod
       *[other] { $count } pods
    }
