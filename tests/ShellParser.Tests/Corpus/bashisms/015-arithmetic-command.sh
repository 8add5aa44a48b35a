# dash reads ((...)) as two nested subshells running a command named "i++"
i=0
((i++))
(( i > 3 )) && echo many
