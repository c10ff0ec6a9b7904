from_auto = "auto"
from_file = "auto"
from_cli  = "auto"
