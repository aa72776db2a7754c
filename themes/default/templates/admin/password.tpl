{{%AUTOESCAPE context="HTML"}}<form class="card narrow" method="post" action="/admin/password">
  <p>Welcome, {{NAME}}. Your login is <strong>{{LOGIN}}</strong>. Choose a password of at
  least {{MIN_LENGTH}} characters that is not a word, a name or a pattern — a few unrelated
  words make a good one.</p>
  <input type="hidden" name="_csrf" value="{{FORM_TOKEN}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <input type="text" name="login" value="{{LOGIN}}" autocomplete="username" hidden>
  <p><label for="password">New password</label>
  <input id="password" name="password" type="password" autocomplete="new-password" minlength="{{MIN_LENGTH}}" required></p>
  <p><label for="confirm">New password again</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="{{MIN_LENGTH}}" required></p>
  <p><button type="submit">Set my password</button></p>
</form>
