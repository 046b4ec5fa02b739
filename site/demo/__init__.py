"""Demo users and content for `manage.py load_demo`, kept apart from the product.

The loaders (demo.loaders) put the words (demo/data, plain JSON) into the product through
its own models and services. This app sits at the top of the layering: it may import any
app, and no product app imports it, so a site runs the same with or without it.
"""
