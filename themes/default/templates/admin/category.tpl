{{%AUTOESCAPE context="HTML"}}<p>Readers find it at <a href="{{URL}}"><code>{{URL}}</code></a>. <a href="/admin/categories">All categories</a></p>
<form class="card" method="post" action="/admin/categories/{{ID}}">
  <h2>Change</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
  <p><label for="name">Name</label><input id="name" name="name" value="{{NAME}}" required dir="auto"></p>
  <p><label for="slug">Slug</label><input id="slug" name="slug" value="{{SLUG}}" aria-describedby="slug-help">
  <span id="slug-help" class="help">Changing it keeps the old address working (301).</span></p>
  <p><label for="parent">Inside</label><select id="parent" name="parent">{{#PARENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARENT_OPTION}}</select></p>
  <p><label for="position">Order</label><input id="position" name="position" type="number" value="{{POSITION}}"></p>
  <p><label for="description">Description</label><input id="description" name="description" value="{{DESCRIPTION}}" dir="auto"></p>
  <p><button>Save {{NAME}}</button></p>
</form>
<form class="card" method="post" action="/admin/categories/{{ID}}">
  <h2>Delete</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="delete">
  <p><label for="move">Move its articles to</label>
  <select id="move" name="move_to"><option value="0">(no category)</option>{{#MOVE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MOVE_OPTION}}</select></p>
  <p><button class="danger">Delete {{NAME}}</button></p>
</form>
