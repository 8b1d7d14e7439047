"""Stage 5, rendering through MkDocs and Material: the only package that imports MkDocs
or Jinja. A thin adapter: the core (``site.assemble``) makes every file of the site as
data; the plugin hands them to MkDocs, gives templates the page model and its edition,
and runs the core's finishing steps. Moving to another generator means replacing this
package only."""
