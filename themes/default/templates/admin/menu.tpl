{{%AUTOESCAPE context="HTML"}}<p>The site's header navigation, in order. Choose a category, a page or a link for each entry; leave a label empty to use the category's or page's own name.</p>
{{#DEFAULT}}<p class="help">There is no menu yet, so the header shows the top-level categories. Saving entries here replaces that.</p>{{/DEFAULT}}
<form class="card menu" method="post" action="/admin/menu">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <table class="list">
    <thead><tr><th scope="col">Order</th><th scope="col">Kind</th><th scope="col">Category</th><th scope="col">Page</th><th scope="col">Label</th><th scope="col">Link address</th><th scope="col">Remove</th></tr></thead>
    <tbody>
    {{#ROW}}<tr>
      <td><input name="position-{{N}}" type="number" value="{{POSITION}}" aria-label="Order of entry {{N}}" size="4"></td>
      <td><select name="kind-{{N}}" aria-label="Kind of entry {{N}}">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/KIND_OPTION}}</select></td>
      <td><select name="category-{{N}}" aria-label="Category of entry {{N}}"><option value="0">—</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select></td>
      <td><select name="page-{{N}}" aria-label="Page of entry {{N}}"><option value="0">—</option>{{#PAGE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PAGE_OPTION}}</select></td>
      <td><input name="label-{{N}}" value="{{LABEL}}" dir="auto" aria-label="Label of entry {{N}}"></td>
      <td><input name="url-{{N}}" value="{{URL}}" aria-label="Address of entry {{N}}"></td>
      <td><input type="checkbox" name="remove-{{N}}" aria-label="Remove entry {{N}}"></td>
    </tr>
    {{/ROW}}</tbody>
  </table>
  <p><button type="submit">Save the menu</button></p>
</form>
