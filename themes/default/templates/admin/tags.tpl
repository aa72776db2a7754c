{{%AUTOESCAPE context="HTML"}}{{#EMPTY}}<p>No tags yet. Writers create them in the editor; you can add them here too.</p>{{/EMPTY}}
<table class="list tags">
  <thead><tr><th scope="col">Tag</th><th scope="col">Articles</th><th scope="col">Change</th><th scope="col">Delete</th></tr></thead>
  <tbody>
  {{#TAG}}<tr id="tag-{{ID}}">
    <td data-label="Tag"><a href="{{URL}}">{{NAME}}</a><br><code>{{URL}}</code></td>
    <td data-label="Articles">{{COUNT}}</td>
    <td><form method="post" action="/admin/tags/{{ID}}" class="tag-edit">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
      <label for="name-{{ID}}">Name</label><input id="name-{{ID}}" name="name" value="{{NAME}}" dir="auto" required>
      <label for="slug-{{ID}}">Slug</label><input id="slug-{{ID}}" name="slug" value="{{SLUG}}">
      <button>Save {{NAME}}</button></form></td>
    <td><form method="post" action="/admin/tags/{{ID}}">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="delete">
      <button class="danger">Delete {{NAME}}</button></form></td>
  </tr>
  {{/TAG}}</tbody>
</table>
<h2>New tag</h2>
<form class="card" method="post" action="/admin/tags">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p><label for="new-name">Name</label><input id="new-name" name="name" dir="auto" required></p>
  <p><label for="new-slug">Slug (made from the name if empty)</label><input id="new-slug" name="slug"></p>
  <p><button type="submit">Add tag</button></p>
</form>
