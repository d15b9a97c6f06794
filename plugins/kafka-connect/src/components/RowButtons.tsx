import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';

export function AddButton(props: { label: string; onClick: () => void }) {
  return (
    <Button
      size="small"
      color="primary"
      startIcon={<AddIcon />}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
}

export function RemoveButton(props: { label: string; onClick: () => void }) {
  return (
    <IconButton size="small" aria-label={props.label} onClick={props.onClick}>
      <DeleteIcon fontSize="small" />
    </IconButton>
  );
}
