NotFound = Pod { $nmae } was not found
Exist = Pod already exists
Count = { $count ->
    [one] One pod
   *[other] { $count } pods
}
Ref = Pod {id} is gone, { Exists.hint }
Ratio = { $ratio -> [one] One *[other] Many }
Withdrawn = Pod was withdrawn
Termed = Uses { -brand }
Called = { NUMBER($n) } calls
Left = { $left ->
    [0] None left
    [ones] One left
   *[other] { $left } left
}
