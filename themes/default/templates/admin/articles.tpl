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
{{#EMPTY}}<p>Nothing here.</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Changed</th><th scope="col">Actions</th></tr></thead>
  <tbody>
  {{#ARTICLE}}<tr id="article-{{ID}}">
    <td>{{#PUBLIC}}<a href="{{URL}}">{{TITLE}}</a>{{/PUBLIC}}{{#PRIVATE}}{{TITLE}}{{/PRIVATE}}</td>
    <td>{{KIND}}</td><td class="status">{{STATUS}}</td><td>{{UPDATED}}</td>
    <td>{{#CAN_EDIT}}<a href="/admin/articles/{{ID}}/edit">Edit</a> {{/CAN_EDIT}}{{#MOVE}}<form method="post" action="/admin/articles/{{ID}}" class="inline">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><button name="action" value="{{NAME}}">{{NAME}}</button>
    </form>{{/MOVE}}</td>
  </tr>
  {{/ARTICLE}}</tbody>
</table>
