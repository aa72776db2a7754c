{{%AUTOESCAPE context="HTML"}}<form class="card" method="post" action="/admin/settings">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#FIELD}}<div class="field">
    <label for="s-{{KEY}}">{{LABEL}}</label>
    {{#TEXT}}<input id="s-{{KEY}}" name="{{KEY}}" type="{{TYPE}}" value="{{VALUE}}" aria-describedby="h-{{KEY}}">{{/TEXT}}
    {{#LIST}}<textarea id="s-{{KEY}}" name="{{KEY}}" rows="4" aria-describedby="h-{{KEY}}">
{{VALUE:pre_escape}}</textarea>{{/LIST}}
    {{#CHOICE}}<select id="s-{{KEY}}" name="{{KEY}}" aria-describedby="h-{{KEY}}">{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/OPTION}}</select>{{/CHOICE}}
    {{#FLAG}}<input id="s-{{KEY}}" name="{{KEY}}" type="checkbox" value="true"{{#CHECKED}} checked{{/CHECKED}} aria-describedby="h-{{KEY}}">{{/FLAG}}
    <p class="help" id="h-{{KEY}}">{{HELP}}</p>
  </div>
  {{/FIELD}}<p><button type="submit">Save settings</button></p>
</form>
