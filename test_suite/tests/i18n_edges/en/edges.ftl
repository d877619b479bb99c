Leading = {" "}starts with a space
Trailing = ends with a space{" "}
Plain =   no spaces kept   
Tabbed =
    { $count ->
        [one]	one
       *[other]	many
    }
