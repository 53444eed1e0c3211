namespace tlr { void wallPlaceholder() {} }
