variable "cfg" {
  type = object({
    name = string
    size = optional(number, 2)
    tags = optional(map(string))
  })
  default = { name = "x" }
}

variable "rules" {
  type = list(object({
    port = number
    open = optional(bool, false)
  }))
  default = [{ port = "22" }, { port = 443, open = "true" }]
}

variable "count_str" {
  type    = number
  default = "3"
}

resource "null_resource" "t" {
  size  = var.cfg.size
  tags  = var.cfg.tags
  rules = var.rules
  n     = var.count_str + 1
}
