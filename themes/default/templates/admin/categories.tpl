{{%AUTOESCAPE context="HTML"}}<table class="list categories">
  <thead><tr><th scope="col">Category</th><th scope="col">Address</th><th scope="col">Order</th><th scope="col"></th></tr></thead>
  <tbody>
  {{#CATEGORY}}<tr id="category-{{ID}}" class="depth-{{DEPTH}}">
    <td data-label="Category"><a href="/admin/categories/{{ID}}">{{LABEL}}</a></td>
    <td data-label="Address"><a href="{{URL}}"><code>{{URL}}</code></a></td>
    <td data-label="Order">{{POSITION}}</td>
    <td><a href="/admin/categories/{{ID}}">Change or delete {{NAME}}</a></td>
  </tr>
  {{/CATEGORY}}</tbody>
</table>
<h2>New category</h2>
<form class="card" method="post" action="/admin/categories">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p><label for="new-name">Name</label><input id="new-name" name="name" required dir="auto"></p>
  <p><label for="new-slug">Slug (made from the name if empty)</label><input id="new-slug" name="slug"></p>
  <p><label for="new-parent">Inside</label><select id="new-parent" name="parent">{{#NEW_PARENT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/NEW_PARENT}}</select></p>
  <p><label for="new-position">Order</label><input id="new-position" name="position" type="number" value="0"></p>
  <p><label for="new-description">Description</label><input id="new-description" name="description" dir="auto"></p>
  <p><button type="submit">Add category</button></p>
</form>
