"""Headings (一、（一）1.（1）), parts (回顾 / 安排) and front matter → ``Report``."""
