{{%AUTOESCAPE context="HTML"}}<nav class="tabs" aria-label="Article status">
  <ul>
    <li><a href="/admin/articles">All</a></li>
    <li><a href="/admin/articles?mine=1">Mine</a></li>
    <li><a href="/admin/articles?status=draft">Drafts</a></li>
    <li><a href="/admin/articles?status=pending">Pending review</a></li>
    <li><a href="/admin/articles?status=scheduled">Scheduled</a></li>
    <li><a href="/admin/articles?status=published">Published</a></li>
    <li><a href="/admin/articles?status=trash">Trash</a></li>
  </ul>
</nav>
<p><a href="/admin/articles/new">New article</a> · <a href="/admin/articles/new?kind=page">New page</a></p>
<form class="filters" method="get" action="/admin/articles" role="search">
  <input type="hidden" name="status" value="{{STATUS_FILTER}}">
  <label for="q">Title contains</label> <input id="q" name="q" value="{{QUERY}}" dir="auto">
  <label for="author">Author</label> <select id="author" name="author"><option value="">anyone</option>{{#AUTHOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUTHOR_OPTION}}</select>
  {{#CATEGORY_MENU}}<label for="category">Category</label> <select id="category" name="category"><option value="">any</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>{{/CATEGORY_MENU}}
  {{#CATEGORY_TYPED}}<label for="category">Category (address or name)</label> <input id="category" name="category_path" value="{{CATEGORY_PATH}}" dir="auto" size="16">{{/CATEGORY_TYPED}}
  <label for="language">Language</label> <input id="language" name="language" value="{{LANGUAGE}}" size="4">
  <button type="submit">Filter</button>
</form>
{{#EMPTY}}<p>Nothing here.</p>{{/EMPTY}}
<form id="bulk" method="post" action="/admin/articles/bulk">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="return" value="{{RETURN}}">
  {{#HAS_BULK}}<p><label for="bulk-action">With the ticked articles</label> <select id="bulk-action" name="action">{{#BULK_OPTION}}<option value="{{NAME}}">{{NAME}}</option>{{/BULK_OPTION}}</select>
  <button type="submit">Apply</button></p>{{/HAS_BULK}}
</form>
<table class="list">
  <thead><tr><th scope="col"><span class="visually-hidden">Choose</span></th><th scope="col">Title</th><th scope="col">By</th><th scope="col">Category</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Changed</th><th scope="col">Actions</th></tr></thead>
  <tbody>
  {{#ARTICLE}}<tr id="article-{{ID}}">
    <td><input type="checkbox" name="ids" value="{{ID}}" form="bulk" aria-label="Choose {{TITLE}}"></td>
    <td data-label="Title">{{#PUBLIC}}<a href="{{URL}}">{{TITLE}}</a>{{/PUBLIC}}{{#PRIVATE}}{{TITLE}}{{/PRIVATE}}</td>
    <td data-label="By">{{AUTHORS}}</td><td data-label="Category">{{CATEGORY}}</td>
    <td data-label="Kind">{{KIND}}</td><td class="status" data-label="Status">{{STATUS}}{{#SCHEDULED}}<br>for {{WHEN}}{{/SCHEDULED}}</td><td data-label="Changed">{{UPDATED}}</td>
    <td>{{#CAN_EDIT}}<a href="/admin/articles/{{ID}}/edit">Edit</a> {{/CAN_EDIT}}{{#HAS_MOVES}}<form method="post" action="/admin/articles/{{ID}}" class="inline">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="return" value="{{RETURN}}">{{#MOVE}}<button name="action" value="{{NAME}}">{{LABEL}}</button> {{/MOVE}}
    </form>{{/HAS_MOVES}}</td>
  </tr>
  {{/ARTICLE}}</tbody>
</table>
{{#HAS_NEXT}}<p><a href="{{NEXT}}">Older articles</a></p>{{/HAS_NEXT}}
