# A select on one line, as DESIGN and prose write it.
Pods = { $count -> [one] One pod is pending *[other] { $count } pods are pending }
Phase = The pod is { $phase }
