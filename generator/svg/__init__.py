"""Drawing only: static SVG of a graph and of a map, with escaped text. Knows no data model."""
