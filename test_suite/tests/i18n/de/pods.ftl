# Die Meldungen der Pod-API auf Deutsch.

NotFound =
    Pod { $name } wurde in { $namespace }
    nicht gefunden { "{" }sic{ "}" }
Exists = Pod existiert bereits
