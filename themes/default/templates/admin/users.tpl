{{%AUTOESCAPE context="HTML"}}<table class="list">
  <thead><tr><th scope="col">Name</th><th scope="col">Login</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Two-factor</th><th scope="col">Actions</th></tr></thead>
  <tbody>
  {{#USER}}<tr id="user-{{ID}}">
    <td data-label="Name">{{NAME}}</td><td data-label="Login">{{LOGIN}}</td><td data-label="Email">{{EMAIL}}</td>
    <td data-label="Role"><form method="post" action="/admin/users/{{ID}}" class="inline">
      <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="role">
      <label class="visually-hidden" for="role-{{ID}}">Role of {{NAME}}</label>
      <select id="role-{{ID}}" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ROLE_OPTION}}</select>
      <button>Change role</button></form></td>
    <td class="state" data-label="State">{{STATE}}</td><td data-label="Two-factor">{{TWO_FACTOR}}</td>
    <td><form method="post" action="/admin/users/{{ID}}" class="inline">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      {{#CAN_DISABLE}}<button name="action" value="disable">Disable</button>{{/CAN_DISABLE}}
      {{#CAN_ENABLE}}<button name="action" value="enable">Enable</button>{{/CAN_ENABLE}}
      {{#CAN_RESET_2FA}}<button name="action" value="reset-2fa">Reset two-factor</button>{{/CAN_RESET_2FA}}
      <button name="action" value="link">New password link</button>
    </form></td>
  </tr>
  {{/USER}}</tbody>
</table>
<h2>Invite someone</h2>
<form class="card" method="post" action="/admin/users">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p><label for="new-login">Login</label>
  <input id="new-login" name="login" value="{{NEW_LOGIN}}" required autocapitalize="none" spellcheck="false" aria-describedby="login-help">
  <span id="login-help" class="help">Private: used to sign in, never shown on the site.</span></p>
  <p><label for="new-name">Display name</label>
  <input id="new-name" name="display_name" value="{{NEW_NAME}}"></p>
  <p><label for="new-email">Email</label>
  <input id="new-email" name="email" type="email" value="{{NEW_EMAIL}}"></p>
  <p><label for="new-role">Role</label>
  <select id="new-role" name="role">{{#NEW_ROLE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/NEW_ROLE}}</select></p>
  <p><button type="submit">Invite</button></p>
</form>
