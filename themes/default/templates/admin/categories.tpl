{{%AUTOESCAPE context="HTML"}}<table class="list categories">
  <thead><tr><th scope="col">Category</th><th scope="col">Change</th><th scope="col">Delete</th></tr></thead>
  <tbody>
  {{#CATEGORY}}<tr id="category-{{ID}}" class="depth-{{DEPTH}}">
    <td><a href="{{URL}}">{{NAME}}</a><br><code>{{URL}}</code></td>
    <td><form method="post" action="/admin/categories/{{ID}}" class="category-edit">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
      <label for="name-{{ID}}">Name</label><input id="name-{{ID}}" name="name" value="{{NAME}}" required>
      <label for="slug-{{ID}}">Slug</label><input id="slug-{{ID}}" name="slug" value="{{SLUG}}">
      <label for="parent-{{ID}}">Inside</label><select id="parent-{{ID}}" name="parent">{{#PARENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARENT_OPTION}}</select>
      <label for="position-{{ID}}">Order</label><input id="position-{{ID}}" name="position" type="number" value="{{POSITION}}">
      <label for="description-{{ID}}">Description</label><input id="description-{{ID}}" name="description" value="{{DESCRIPTION}}">
      <button>Save {{NAME}}</button></form></td>
    <td><form method="post" action="/admin/categories/{{ID}}">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="delete">
      <label for="move-{{ID}}">Move its articles to</label>
      <select id="move-{{ID}}" name="move_to"><option value="0">(no category)</option>{{#MOVE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MOVE_OPTION}}</select>
      <button>Delete {{NAME}}</button></form></td>
  </tr>
  {{/CATEGORY}}</tbody>
</table>
<h2>New category</h2>
<form class="card" method="post" action="/admin/categories">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p><label for="new-name">Name</label><input id="new-name" name="name" required></p>
  <p><label for="new-slug">Slug (made from the name if empty)</label><input id="new-slug" name="slug"></p>
  <p><label for="new-parent">Inside</label><select id="new-parent" name="parent">{{#NEW_PARENT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/NEW_PARENT}}</select></p>
  <p><label for="new-position">Order</label><input id="new-position" name="position" type="number" value="0"></p>
  <p><label for="new-description">Description</label><input id="new-description" name="description"></p>
  <p><button type="submit">Add category</button></p>
</form>
