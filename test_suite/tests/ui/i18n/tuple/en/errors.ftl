Pair = The pair { $0 } and { $1 }
